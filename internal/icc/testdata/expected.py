#!/usr/bin/python3
# Makes the images and the expected sRGB values of the differential tests
# (run once from internal/icc, with Debian's python3-pil, whose ImageCms is
# LittleCMS 2.14; the tests need only Go and what this wrote):
#
#   photo.png         Landscape_1.jpg of the EXIF orientation set (MIT,
#                     recurser/exif-orientation-examples), 96x64, RGB
#   photo-gray.png    the same as 8-bit gray
#   photo-cmyk.jpg    the same as CMYK (PIL's naive separation), an Adobe
#                     CMYK JPEG (inverted, as Photoshop writes it) carrying
#                     cmyk-lut-v2.icc
#   photo-cmyk-noprofile.jpg   the same CMYK JPEG without a profile, and
#   want-vips-cmyk-noprofile.png   libvips 8.14's conversion of it with its
#                     built-in CMYK profile: vips colourspace
#                     photo-cmyk-noprofile.jpg want-vips-cmyk-noprofile.png srgb
#   want-NAME.png     the colour-managed sRGB result: the image read as
#                     profile NAME.icc, converted to lcms' built-in sRGB,
#                     relative colorimetric, no black point compensation
import io, sys
from PIL import Image, ImageCms

src = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/corpus/orientation/Landscape_1.jpg'
photo = Image.open(src).convert('RGB').resize((96, 64), Image.LANCZOS)
photo.save('photo.png')
gray = photo.convert('L')
gray.save('photo-gray.png')
cmyk = photo.convert('CMYK')
cmykProfile = open('cmyk-lut-v2.icc', 'rb').read()
cmyk.save('photo-cmyk.jpg', quality=95, icc_profile=cmykProfile)
cmyk.save('photo-cmyk-noprofile.jpg', quality=95)
import subprocess
subprocess.run(['vips', 'colourspace', 'photo-cmyk-noprofile.jpg', 'want-vips-cmyk-noprofile.png', 'srgb'], check=True)

srgb = ImageCms.createProfile('sRGB')
relative = ImageCms.Intent.RELATIVE_COLORIMETRIC

def convert(img, name, mode='RGB'):
    prof = ImageCms.ImageCmsProfile(io.BytesIO(open(name + '.icc', 'rb').read()))
    out = ImageCms.profileToProfile(img, prof, srgb, renderingIntent=relative, outputMode=mode)
    out.save('want-' + name + '.png')

for name in ['display-p3-v4', 'prophoto-v2', 'compatibleWithAdobeRGB1998', 'rgb-lut-v4']:
    convert(photo, name)
convert(gray, 'Gray')
# The CMYK reference starts from the pixels libjpeg decodes.
convert(Image.open('photo-cmyk.jpg'), 'cmyk-lut-v2')
