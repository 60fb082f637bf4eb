#!/usr/bin/python3
# Makes the BMP fixtures of this folder and their expected decodes, once:
# the tests need only Go. Run from this folder with Debian's python3
# (Pillow, numpy), ImageMagick 6 (convert), netpbm (ppmtobmp, bmptopnm)
# and libvips (vips) installed:
#
#	/usr/bin/python3 make.py
#
# source.png (37x23, 79 colours) and source-alpha.png (the same with a
# radial alpha ramp) were drawn with ImageMagick:
#
#	convert -size 37x23 gradient:'#ffd700'-'#4060c0' -fill '#c00000' \
#	  -draw "circle 10,11 10,4" -fill white -draw "rectangle 22,3 33,9" \
#	  -fill '#208020' -draw "polygon 20,20 35,12 35,21" -depth 8 source.png
#	convert source.png \( -size 37x23 radial-gradient:white-black \) \
#	  -alpha off -compose copyopacity -composite -depth 8 source-alpha.png
#
# ximage/ holds BMPs from golang.org/x/image's testdata (its LICENSE beside
# them), cpython/ the BMP of CPython's test suite (Lib/test/imghdrdata,
# PSF licence beside it); make.py only decodes those.
#
# Each fixture X.bmp gets X.png, the decode of the reference named in
# expected.txt (Pillow where it reads the file, else libvips or netpbm, or
# for one file no reader takes, the pixels it was written from), and a line
# in expected.txt: name, reference, tolerance, and what every reference
# said, for the record.
import io, os, struct, subprocess
import numpy as np
from PIL import Image

def run(*cmd, **kw):
    subprocess.run(cmd, check=True, **kw)

def im(*args, src='source.png'):
    """ImageMagick: convert src with args; the last argument is the output."""
    run('convert', src, *args)

def rgba(path):
    return np.asarray(Image.open(path).convert('RGBA')).astype(int)

def bmp(w, h, bpp, comp, pixels, palette=b'', hsize=40, extra=b'', offset=None, colors=0, planes=1):
    """A BMP with a Windows or OS/2 2.x header of hsize bytes (fields past
    hsize are cut), extra after the 40 standard bytes (masks), palette and
    masks after the header."""
    info = struct.pack('<IiiHHIIiiII', hsize, w, h, planes, bpp, comp, len(pixels), 2835, 2835, colors, 0) + extra
    info = info.ljust(hsize, b'\0')[:hsize]
    if offset is None:
        offset = 14 + hsize + len(palette)
    body = info + palette
    return b'BM' + struct.pack('<IHHI', 14 + len(body) + len(pixels), 0, 0, offset) + body + pixels

def rows(indices, bpp, top_down=False):
    """Packs rows of values (palette indices, or pixel words of bpp bits)
    into a BMP pixel array, each row padded to 4 bytes."""
    out = b''
    rs = indices if top_down else indices[::-1]
    for r in rs:
        if bpp < 8:
            per = 8 // bpp
            row = bytearray((len(r) + per - 1) // per)
            for x, v in enumerate(r):
                row[x // per] |= v << (8 - bpp * (x % per + 1))
        else:
            row = b''.join(int(v).to_bytes(bpp // 8, 'little') for v in r)
        out += bytes(row) + b'\0' * (-len(row) % 4)
    return out

def rle(indices, four, top_down=False, deltas=False):
    """RLE8 or RLE4 of rows of palette indices: encoded runs of three or
    more, absolute runs (padded to 16 bits) between them, short runs for
    the rest, an end of line per row and an end of bitmap. With deltas,
    index 0 is not written where a delta or an end of line can skip it
    (the decoder leaves unwritten pixels at 0): four or more zeros inside a
    row are a delta to the right, a row whose rest is zero ends with a
    delta down a row when the next row is zero up to the same column, else
    with an end of line."""
    out = bytearray()
    rs = indices if top_down else indices[::-1]
    h, w = len(rs), len(rs[0])
    y, x = 0, 0
    while y < h:
        r = rs[y]
        if x >= w or (deltas and all(v == 0 for v in r[x:])):
            if deltas and 0 < x < w and y + 1 < h and all(v == 0 for v in rs[y + 1][:x + 1]):
                out += bytes([0, 2, 0, 1])  # delta: same column, next row
            else:
                out += bytes([0, 0])  # end of line
                x = 0
            y += 1
            continue
        if deltas:
            n = 0
            while x + n < w and r[x + n] == 0 and n < 255:
                n += 1
            if n >= 4:
                out += bytes([0, 2, n, 0])  # delta: n columns right
                x += n
                continue
        n = 1
        while x + n < w and r[x + n] == r[x] and n < 255:
            n += 1
        if n >= 3 or w - x < 3:
            out += bytes([n, r[x] << 4 | r[x] if four else r[x]])
            x += n
            continue
        e = x
        while e < w and e - x < 255 and not (e + 2 < w and r[e] == r[e + 1] == r[e + 2]):
            e += 1
        lit = r[x:e]
        if len(lit) < 3:
            for v in lit:
                out += bytes([1, v << 4 if four else v])
        else:
            if four:
                data = bytes((lit[i] << 4) | (lit[i + 1] if i + 1 < len(lit) else 0) for i in range(0, len(lit), 2))
            else:
                data = bytes(lit)
            out += bytes([0, len(lit)]) + data + b'\0' * (len(data) % 2)
        x = e
    out += bytes([0, 1])
    return bytes(out)

def quantized(n, src='source.png'):
    """source.png with at most n colours: its palette (RGB triples) and rows of indices."""
    p = Image.open(src).convert('RGB').quantize(n, dither=Image.Dither.NONE)
    pal = p.getpalette()[:3 * n]
    idx = np.asarray(p).tolist()
    return [tuple(pal[3 * i:3 * i + 3]) for i in range(n)], idx

def bgr0(pal):
    return b''.join(bytes([b, g, r, 0]) for r, g, b in pal)

def made():
    w, h = 37, 23
    # ImageMagick 6
    im('-colors', '64', '-compress', 'RLE', 'BMP3:im-rle8.bmp')
    im('-colors', '64', '-compress', 'RLE', 'BMP:im-rle8-v5.bmp')
    im('-colors', '64', '-compress', 'none', 'BMP3:im-pal8.bmp')
    im('-colors', '16', '-compress', 'none', 'BMP2:im-pal4-core.bmp')
    im('-monochrome', '-compress', 'none', 'BMP3:im-pal1.bmp')
    im('-colorspace', 'gray', '-type', 'palette', '-compress', 'none', 'BMP3:im-gray8.bmp')
    im('-type', 'truecolor', 'BMP2:im-rgb24-core.bmp')
    im('-type', 'truecolor', 'BMP:im-rgb24-v5.bmp')
    im('-type', 'truecolor', '-define', 'bmp:subtype=RGB565', 'BMP:im-rgb565.bmp')
    im('-type', 'truecolor', '-define', 'bmp:subtype=RGB555', 'BMP:im-rgb555.bmp')
    im('-define', 'bmp:subtype=ARGB1555', 'BMP:im-argb1555.bmp', src='source-alpha.png')
    im('-define', 'bmp:subtype=ARGB4444', 'BMP:im-argb4444.bmp', src='source-alpha.png')
    im('BMP:im-argb32-v5.bmp', src='source-alpha.png')
    # Pillow
    Image.open('source.png').convert('RGB').save('pil-rgb24.bmp')
    Image.open('source-alpha.png').convert('RGBA').save('pil-rgba32.bmp')  # 40-byte BI_RGB, alpha in the 4th byte
    Image.open('source.png').convert('RGB').quantize(200).save('pil-pal8.bmp')
    # netpbm
    ppm = subprocess.run(['pngtopnm', 'source.png'], check=True, capture_output=True).stdout
    q = subprocess.run(['pnmquant', '16'], input=ppm, check=True, capture_output=True).stdout
    open('pnm-pal4-os2.bmp', 'wb').write(subprocess.run(['ppmtobmp', '-os2', '-bpp', '4'], input=q, check=True, capture_output=True).stdout)
    # By hand (this script)
    pal16, idx16 = quantized(16)
    pal256, idx64 = quantized(64)
    open('rle4.bmp', 'wb').write(bmp(w, h, 4, 2, rle(idx16, True), bgr0(pal16), colors=16))
    open('rle8-topdown.bmp', 'wb').write(bmp(w, -h, 8, 1, rle(idx64, False, top_down=True), bgr0(pal256), colors=64))
    # delta codes over index 0: bands of zeros running across rows, in storage order (bottom up)
    zidx = [[0 if ((h - 1 - y) * w + x) % 97 < 41 else v for x, v in enumerate(r)] for y, r in enumerate(idx16)]
    open('rle4-delta.bmp', 'wb').write(bmp(w, h, 4, 2, rle(zidx, True, deltas=True), bgr0(pal16), colors=16))
    pal4, idx4 = quantized(4)
    open('pal2.bmp', 'wb').write(bmp(w, h, 2, 0, rows(idx4, 2), bgr0(pal4), colors=4))
    open('os2-v2-64.bmp', 'wb').write(bmp(w, h, 8, 0, rows(idx64, 8), bgr0(pal256), hsize=64, colors=64))
    px = np.asarray(Image.open('source.png').convert('RGB')).astype(int)
    pa = np.asarray(Image.open('source-alpha.png').convert('RGBA')).astype(int)
    bgra = [[(a << 24) | (r << 16) | (g << 8) | b for r, g, b, a in row] for row in pa.tolist()]
    masks = struct.pack('<IIII', 0xff0000, 0xff00, 0xff, 0xff000000)
    open('v4-bitfields32.bmp', 'wb').write(bmp(w, h, 32, 3, rows(bgra, 32), hsize=108, extra=masks))
    open('v3-56-bitfields32.bmp', 'wb').write(bmp(w, h, 32, 3, rows(bgra, 32), hsize=56, extra=masks))
    open('rgb24-topdown.bmp', 'wb').write(bmp(w, -h, 24, 0, rows([[(r << 16) | (g << 8) | b for r, g, b in row] for row in px.tolist()], 24, top_down=True)))
    rgb = rows([[(r << 16) | (g << 8) | b for r, g, b in row] for row in px.tolist()], 24)
    open('os2-v2-16.bmp', 'wb').write(bmp(w, h, 24, 0, rgb, hsize=16))
    # a V5 header's alpha mask over BI_RGB pixels that carry alpha: not alpha
    open('v5-rgb32-alphamask.bmp', 'wb').write(bmp(w, h, 32, 0, rows(bgra, 32), hsize=124, extra=masks))
    # 565 bit fields after a 40-byte header (a Windows screenshot's layout)
    w565 = [[((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3) for r, g, b in row] for row in px.tolist()]
    open('bitfields565.bmp', 'wb').write(bmp(w, h, 16, 3, rows(w565, 16), palette=struct.pack('<III', 0xf800, 0x7e0, 0x1f)))
    # 32-bit BI_BITFIELDS, masks after a 40-byte header, channels in an unusual order (R low, B high)
    wrgb = [[(b << 16) | (g << 8) | r for r, g, b in row] for row in px.tolist()]
    open('bitfields32-rgbx.bmp', 'wb').write(bmp(w, h, 32, 3, rows(wrgb, 32), palette=struct.pack('<III', 0xff, 0xff00, 0xff0000)))

def reference(path):
    out = {}
    try:
        i = Image.open(path); i.load()
        out['pillow'] = np.asarray(i.convert('RGBA')).astype(int)
    except Exception as e:
        out['pillow'] = 'refused: ' + str(e).splitlines()[0]
    r = subprocess.run(['vips', 'copy', path, '/tmp/ref.v.png'], capture_output=True, text=True)
    out['libvips'] = rgba('/tmp/ref.v.png') if r.returncode == 0 else 'refused: ' + r.stderr.strip().splitlines()[0]
    r = subprocess.run(['bmptopnm', path], capture_output=True)
    if r.returncode == 0 and r.stdout:
        out['netpbm'] = np.asarray(Image.open(io.BytesIO(r.stdout)).convert('RGBA')).astype(int)
    else:
        out['netpbm'] = 'refused: ' + r.stderr.decode().strip().splitlines()[-1]
    return out

# For each fixture: the reference its expected PNG comes from, the largest
# channel difference allowed from it, and why.
CHOICE = {
    'im-rgb565.bmp': ('libvips', 0, 'Pillow truncates 5 and 6-bit fields (v*255/31 rounded down), ImageMagick replicates their bits as we do'),
    'im-rgb555.bmp': ('libvips', 0, 'as im-rgb565'),
    'bitfields565.bmp': ('libvips', 0, 'as im-rgb565'),
    'im-argb1555.bmp': ('libvips', 127, 'ImageMagick scales a 1-bit alpha by shifting (1 -> 128), we give 255; colours equal'),
    'im-argb4444.bmp': ('libvips', 15, 'ImageMagick scales 4-bit fields by shifting (15 -> 240), we replicate their bits (15 -> 255)'),
    'rle4.bmp': ('libvips', 0, 'Pillow 9.4 reads odd absolute RLE4 runs one pixel short'),
    'rle4-delta.bmp': ('libvips', 0, 'as rle4; Pillow 9.4 also reads a delta as four bytes'),
    'v3-56-bitfields32.bmp': ('libvips', 0, 'Pillow does not read 56-byte headers'),
    'pal2.bmp': ('netpbm', 0, 'Pillow and libvips do not read 2-bit BMPs (Windows CE)'),
    'os2-v2-16.bmp': ('source.png', 0, 'no reference reads 16-byte OS/2 2.x headers (Pillow refuses them, ImageMagick reads past them): the pixels written, losslessly'),
    'bitfields32-rgbx.bmp': ('libvips', 0, 'Pillow reads only a few mask layouts'),
}

def main():
    made()
    lines = []
    found = sorted(os.listdir('.')) + ['%s/%s' % (d, f) for d in ('ximage', 'cpython') for f in sorted(os.listdir(d))]
    for f in found:
        if not f.endswith('.bmp'):
            continue
        refs = reference(f)
        if '/' not in f:
            refs['source.png'] = rgba('source.png')
        name, tol, why = CHOICE.get(f, ('pillow', 0, ''))
        exp = refs[name]
        assert not isinstance(exp, str), (f, name, exp)
        Image.fromarray(exp.astype(np.uint8), 'RGBA').save(f[:-4] + '.png', optimize=True)
        said = []
        for k, v in refs.items():
            if isinstance(v, str):
                said.append(k + ' ' + v)
            elif v.shape != exp.shape:
                said.append(k + ' other size')
            else:
                d = np.abs(v - exp)
                said.append('%s max %d at %d px' % (k, d.max(), int((d.max(axis=2) > 0).sum())))
        lines.append('%s\t%s\t%d\t%s\t%s' % (f, name, tol, why, '; '.join(said)))
    with open('expected.txt', 'w') as out:
        out.write('# fixture\treference\ttolerance\twhy\twhat each reference decoded, against the expected PNG (made by make.py)\n')
        out.write('\n'.join(lines) + '\n')

main()
