#!/usr/bin/python3
# Makes the uploads of the colour tests and their expected sRGB pixels,
# once, from internal/icc/testdata (run from this folder with Debian's
# python3-pil, LittleCMS 2.14, and libwebp's cwebp and webpmux):
#
#   p3.jpg, p3.png, p3.webp, p3.tiff   photo.png tagged Display P3 (its
#        numbers unchanged): JPEG quality 95, 4:4:4 (so that libjpeg's
#        chroma upsampling, which ours is not, does not enter the
#        comparison), with the profile in APP2,
#        PNG iCCP, lossless WebP ICCP, deflate TIFF tag 34675
#   p3-chunks.jpg   p3.jpg with the profile split into three APP2 chunks
#        written out of order (3, 1, 2)
#   gray.jpg        photo-gray.png as a gray JPEG carrying Gray.icc
#   prophoto.png    photo.png tagged ProPhoto
#   cmyk.jpg        internal/icc's photo-cmyk.jpg (an Adobe CMYK JPEG with a
#                   lut16 profile); cmyk-noprofile.jpg its photo-cmyk-noprofile.jpg
#   want-NAME.png   the colour-managed sRGB result at the same size: the
#        upload decoded (libjpeg for JPEG), converted by LittleCMS to its
#        built-in sRGB, relative colorimetric
import io, subprocess
from PIL import Image, ImageCms

srgb = ImageCms.createProfile('sRGB')
relative = ImageCms.Intent.RELATIVE_COLORIMETRIC
fixtures = '../../../internal/icc/testdata/'
p3 = open(fixtures + 'display-p3-v4.icc', 'rb').read()
photo = Image.open(fixtures + 'photo.png').convert('RGB')

photo.save('p3.jpg', quality=95, subsampling=0, icc_profile=p3)
photo.save('p3.png', icc_profile=p3)
photo.save('p3.tiff', compression='tiff_adobe_deflate', icc_profile=p3)
photo.save('plain.png')
subprocess.run(['cwebp', '-quiet', '-lossless', 'plain.png', '-o', 'plain.webp'], check=True)
subprocess.run(['webpmux', '-set', 'icc', fixtures + 'display-p3-v4.icc', 'plain.webp', '-o', 'p3.webp'], check=True)
Image.open(fixtures + 'photo.png').convert('L').save('gray.jpg', quality=95, icc_profile=open(fixtures + 'Gray.icc', 'rb').read())
photo.save('prophoto.png', icc_profile=open(fixtures + 'prophoto-v2.icc', 'rb').read())

# p3-chunks.jpg: the APP2 segment of p3.jpg split in three, out of order.
jpg = open('p3.jpg', 'rb').read()
i = jpg.index(b'\xff\xe2')
n = int.from_bytes(jpg[i+2:i+4], 'big')
body = jpg[i+4+14:i+2+n]
parts = [body[:150], body[150:300], body[300:]]
def app2(seq, data):
    seg = b'ICC_PROFILE\x00' + bytes([seq, 3]) + data
    return b'\xff\xe2' + (len(seg) + 2).to_bytes(2, 'big') + seg
open('p3-chunks.jpg', 'wb').write(jpg[:i] + app2(3, parts[2]) + app2(1, parts[0]) + app2(2, parts[1]) + jpg[i+2+n:])

def want(upload, name):
    img = Image.open(upload)
    prof = ImageCms.ImageCmsProfile(io.BytesIO(img.info['icc_profile']))
    ImageCms.profileToProfile(img, prof, srgb, renderingIntent=relative, outputMode='RGB').save('want-' + name + '.png')

want('p3.jpg', 'p3-jpg')
want('p3.png', 'p3-png')
want('gray.jpg', 'gray-jpg')
want('prophoto.png', 'prophoto-png')
open('cmyk.jpg', 'wb').write(open(fixtures + 'photo-cmyk.jpg', 'rb').read())
want('cmyk.jpg', 'cmyk-jpg')
open('cmyk-noprofile.jpg', 'wb').write(open(fixtures + 'photo-cmyk-noprofile.jpg', 'rb').read())
import os
os.remove('plain.png'); os.remove('plain.webp')
