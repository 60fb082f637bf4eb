#!/usr/bin/env python3
"""Makes the TIFF fixtures of package validate.

Run from this folder with Debian's python3-pil and imagemagick installed:
    python3 make.py
ImageMagick 6 writes a 24x16 picture (made here with Pillow) in each storage
its name says; ojpeg.tif is jpeg.tif with its Compression tag changed from
7 to 6 by hand. The camera raw files are written byte by byte below: a small
RGB preview as IFD0 and the tags that make the file a raw (DNGVersion,
NewSubfileType 1, Make, SubIFDs pointing to CFA sensor data, Canon's "CR"
header). The files are the project's own.
"""
import struct
import subprocess

from PIL import Image

W, H = 24, 16
picture = Image.new('RGB', (W, H))
picture.putdata([(x * 255 // (W - 1), y * 255 // (H - 1), (x * y * 5) % 256) for y in range(H) for x in range(W)])
picture.save('/tmp/tiff-fixture-base.png')

TRUE = ['-type', 'TrueColor']
MAGICK = {
    'rgb8.tif': TRUE + ['-compress', 'none'],
    'rgb8-lzw.tif': TRUE + ['-compress', 'lzw'],
    'rgb8-deflate-predictor.tif': TRUE + ['-compress', 'zip', '-define', 'tiff:predictor=2'],
    'rgb16.tif': TRUE + ['-depth', '16', '-compress', 'none'],
    'rgba8.tif': ['-type', 'TrueColorAlpha', '-channel', 'A', '-fx', '(i+j)/40', '+channel', '-compress', 'lzw'],
    'gray8-packbits.tif': ['-colorspace', 'gray', '-compress', 'rle'],
    'gray1-g4.tif': ['-colorspace', 'gray', '-monochrome', '-compress', 'group4'],
    'palette8.tif': ['-colors', '200', '-type', 'Palette', '-compress', 'none'],
    'tiled.tif': TRUE + ['-compress', 'none', '-define', 'tiff:tile-geometry=16x16'],
    'jpeg.tif': TRUE + ['-compress', 'jpeg'],
    'cmyk.tif': ['-colorspace', 'cmyk', '-compress', 'none'],
    'lab.tif': ['-colorspace', 'Lab', '-compress', 'none'],
    'ycbcr.tif': ['-colorspace', 'YCbCr', '-compress', 'none'],
    'planar.tif': TRUE + ['-interlace', 'plane', '-compress', 'none'],
    'bigtiff.tif': TRUE + ['-compress', 'none'],
    'palette4.tif': ['-colors', '16', '-type', 'Palette', '-depth', '4', '-compress', 'none'],
    'gray2.tif': ['-colorspace', 'gray', '-depth', '2', '-compress', 'none'],
    'rgb12.tif': TRUE + ['-depth', '12', '-compress', 'none'],
    'float32.tif': TRUE + ['-define', 'quantum:format=floating-point', '-depth', '32', '-compress', 'none'],
    'gray-alpha.tif': ['-colorspace', 'gray', '-type', 'GrayscaleAlpha', '-channel', 'A', '-fx', '(i+j)/40', '+channel', '-compress', 'none'],
}
for name, args in MAGICK.items():
    out = ('TIFF64:' if name == 'bigtiff.tif' else '') + name
    # ImageMagick 6.9.11 reports an error on the floating-point file (it
    # sets a predictor its libtiff refuses) but writes it.
    subprocess.run(['convert', '/tmp/tiff-fixture-base.png'] + args + [out], check=name != 'float32.tif', capture_output=True)

# ojpeg.tif: jpeg.tif with Compression 6 (old-style JPEG) in IFD0.
b = bytearray(open('jpeg.tif', 'rb').read())
off = struct.unpack('<I', b[4:8])[0]
for i in range(struct.unpack('<H', b[off:off + 2])[0]):
    e = off + 2 + 12 * i
    if struct.unpack('<H', b[e:e + 2])[0] == 259:
        b[e + 8:e + 10] = struct.pack('<H', 6)
open('ojpeg.tif', 'wb').write(b)

SHORT, LONG, ASCII, BYTE = 3, 4, 2, 1
SIZES = {BYTE: 1, ASCII: 1, SHORT: 2, LONG: 4}


def tiff(ifds, header_extra=b''):
    """ifds: lists of (tag, type, values); 'values' may be bytes for data
    placed after the IFDs. Entries are sorted by tag. IFD i+1 is a SubIFD
    of IFD 0 when IFD 0 has tag 330 with the value ('ifd', i+1)."""
    head = 8 + len(header_extra)
    offsets, pos = [], head
    for ifd in ifds:
        offsets.append(pos)
        pos += 2 + 12 * len(ifd) + 4
    data = bytearray()
    tables = bytearray()
    for ifd in ifds:
        tables += struct.pack('<H', len(ifd))
        for tag, typ, vals in sorted(ifd, key=lambda e: e[0]):
            if isinstance(vals, tuple) and vals[0] == 'ifd':
                vals = [offsets[vals[1]]]
            if isinstance(vals, tuple) and vals[0] == 'data':
                raw = vals[1]
                count = 1
                val = struct.pack('<I', pos + len(data))
                data += raw + (b'\x00' if len(raw) % 2 else b'')
            else:
                if isinstance(vals, (bytes, str)):
                    raw = vals.encode() if isinstance(vals, str) else vals
                    count = len(raw)
                else:
                    fmt = {BYTE: 'B', SHORT: 'H', LONG: 'I'}[typ]
                    raw = b''.join(struct.pack('<' + fmt, v) for v in vals)
                    count = len(vals)
                if len(raw) <= 4:
                    val = raw.ljust(4, b'\x00')
                else:
                    val = struct.pack('<I', pos + len(data))
                    data += raw + (b'\x00' if len(raw) % 2 else b'')
            tables += struct.pack('<HHI', tag, typ, count) + val
        tables += struct.pack('<I', 0)
    return b'II*\x00' + struct.pack('<I', head) + header_extra + bytes(tables) + bytes(data)


preview = picture.resize((12, 8)).tobytes()


def raw_file(make, dng, cr2=False):
    ifd0 = [
        (254, LONG, [1]), (256, LONG, [12]), (257, LONG, [8]), (258, SHORT, [8, 8, 8]), (259, SHORT, [1]),
        (262, SHORT, [2]), (271, ASCII, make + '\x00'), (273, LONG, ('data', preview)), (277, SHORT, [3]),
        (278, LONG, [8]), (279, LONG, [len(preview)]), (330, LONG, ('ifd', 1)),
    ]
    if dng:
        ifd0.append((50706, BYTE, [1, 4, 0, 0]))
    if cr2:
        ifd0 = [e for e in ifd0 if e[0] not in (254, 330)]
    sensor = bytes(2 * 32 * 24)
    sub = [
        (254, LONG, [0]), (256, LONG, [32]), (257, LONG, [24]), (258, SHORT, [16]), (259, SHORT, [1]),
        (262, SHORT, [32803]), (273, LONG, ('data', sensor)), (277, SHORT, [1]), (278, LONG, [24]),
        (279, LONG, [len(sensor)]), (33421, SHORT, [2, 2]), (33422, BYTE, [0, 1, 1, 2]),
    ]
    return tiff([ifd0] if cr2 else [ifd0, sub], b'CR\x02\x00\x00\x00\x00\x00' if cr2 else b'')


open('raw-dng.tif', 'wb').write(raw_file('Canon', True))
open('raw-nef.tif', 'wb').write(raw_file('NIKON CORPORATION', False))
open('raw-cr2.tif', 'wb').write(raw_file('Canon', False, cr2=True))
# A TIFF whose only IFD says it is a reduced-resolution image.
open('reduced.tif', 'wb').write(tiff([[
    (254, LONG, [1]), (256, LONG, [12]), (257, LONG, [8]), (258, SHORT, [8, 8, 8]), (259, SHORT, [1]),
    (262, SHORT, [2]), (273, LONG, ('data', preview)), (277, SHORT, [3]), (278, LONG, [8]), (279, LONG, [len(preview)]),
]]))
