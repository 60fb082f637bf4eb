#!/usr/bin/env python3
"""Makes the PNG fixtures of internal/pngfix and their reference decodes.

Run from this folder with Debian's python3-pil and libvips-tools installed:
    python3 make.py
Each fixture is a small picture that Pillow encodes, then changed chunk by
chunk as its name says. ref/NAME is libvips' decode of NAME (`vips copy`,
libpng 1.6 with libvips' default, non-failing settings), re-encoded as a
clean PNG, for every fixture that libvips decodes and that libpng's defaults
also accept. The files are the project's own.
"""
import io
import os
import struct
import subprocess
import zlib

from PIL import Image

SIG = b'\x89PNG\r\n\x1a\n'


def chunk(typ, data, crc=None):
    if crc is None:
        crc = zlib.crc32(typ + data)
    return struct.pack('>I', len(data)) + typ + data + struct.pack('>I', crc & 0xffffffff)


def bad(typ, data):
    return chunk(typ, data, zlib.crc32(typ + data) ^ 1)


def split(png):
    assert png[:8] == SIG
    p, out = 8, []
    while p < len(png):
        n = struct.unpack('>I', png[p:p + 4])[0]
        out.append((png[p + 4:p + 8], png[p + 8:p + 8 + n]))
        p += 12 + n
    return out


def join(chunks):
    return SIG + b''.join(chunks)


def edit(png, fn):
    """fn(type, data) returns the chunks that replace one chunk."""
    return join(b''.join(fn(t, d)) for t, d in split(png))


def before(typ, new):
    return lambda t, d: [new, chunk(t, d)] if t == typ else [chunk(t, d)]


def after(typ, new):
    return lambda t, d: [chunk(t, d), new] if t == typ else [chunk(t, d)]


def encode(im, **kw):
    f = io.BytesIO()
    im.save(f, 'PNG', **kw)
    return f.getvalue()


def picture(w, h):
    im = Image.new('RGB', (w, h))
    im.putdata([(x * 255 // (w - 1), y * 255 // (h - 1), (x * y * 5) % 256)
                for y in range(h) for x in range(w)])
    return im


rgb = encode(picture(32, 24))
rgba_im = picture(16, 12)
rgba_im.putalpha(Image.linear_gradient('L').resize((16, 12)))
rgba = encode(rgba_im)
gray = encode(picture(16, 12).convert('L'))
pal = encode(picture(16, 12).quantize(16), transparency=3)
pal4 = encode(picture(16, 12).quantize(16), bits=4)
text = chunk(b'tEXt', b'Comment\x00made by hand')
actl = chunk(b'acTL', struct.pack('>II', 2, 0))


def fctl(seq, w, h):
    return chunk(b'fcTL', struct.pack('>IIIIIHHBB', seq, w, h, 0, 0, 1, 10, 0, 0))


def no_trns(t, d):
    return [] if t == b'tRNS' else [chunk(t, d)]


FIXTURES = {
    # An ancillary chunk whose CRC does not match: libpng discards it.
    'text-bad-crc.png': edit(rgb, before(b'IDAT', bad(b'tEXt', b'Comment\x00made by hand'))),
    'text-bad-crc-after-idat.png': edit(rgb, after(b'IDAT', bad(b'tEXt', b'Comment\x00x'))),
    'gama-bad-crc.png': edit(rgb, after(b'IHDR', bad(b'gAMA', struct.pack('>I', 45455)))),
    'trns-bad-crc.png': edit(pal, lambda t, d: [bad(t, d) if t == b'tRNS' else chunk(t, d)]),
    # No IEND, or a cut one, after the image data.
    'no-iend.png': rgb[:-12],
    'iend-cut.png': rgb[:-4],
    'iend-header-cut.png': rgb[:-6],
    'text-cut-after-idat.png': edit(rgb, after(b'IDAT', text))[:-12 - 9],
    'iend-with-data.png': rgb[:-12] + chunk(b'IEND', b'junk'),
    # An acTL after IDAT: not an animation, a still PNG (fcTL chunks ignored).
    'apng-late-actl.png': edit(rgb, before(b'IEND', actl + fctl(1, 40, 40))),
    'apng-late-actl-fctl-first.png': edit(edit(rgb, before(b'IDAT', fctl(0, 32, 24))), before(b'IEND', actl)),
    # tRNS and PLTE chunks that libpng ignores or cuts.
    'trns-after-idat.png': edit(edit(pal, no_trns), after(b'IDAT', chunk(b'tRNS', bytes([0, 128])))),
    'trns-before-plte.png': edit(edit(pal, no_trns), before(b'PLTE', chunk(b'tRNS', bytes([0, 128])))),
    'trns-duplicate.png': edit(pal, after(b'tRNS', chunk(b'tRNS', bytes([255, 0])))),
    'trns-longer-than-palette.png': edit(pal, lambda t, d: [chunk(t, bytes([10]) * 40) if t == b'tRNS' else chunk(t, d)]),
    'trns-gray-wrong-length.png': edit(gray, before(b'IDAT', chunk(b'tRNS', b'\x00\x10\x00'))),
    'trns-with-alpha.png': edit(rgba, before(b'IDAT', chunk(b'tRNS', b'\x00\x01\x00\x02\x00\x03'))),
    'plte-in-gray.png': edit(gray, before(b'IDAT', chunk(b'PLTE', bytes(range(48))))),
    'plte-rgb-bad-length.png': edit(rgb, before(b'IDAT', chunk(b'PLTE', bytes(range(47))))),
    'plte-rgb-after-idat.png': edit(rgb, after(b'IDAT', chunk(b'PLTE', bytes(range(48))))),
    'plte-too-long.png': edit(pal4, lambda t, d: [chunk(t, d + bytes(3 * 20 - len(d))) if t == b'PLTE' else chunk(t, d)]),
    # Critical damage: libpng's defaults stop, and so must we.
    'ihdr-bad-crc.png': edit(rgb, lambda t, d: [bad(t, d) if t == b'IHDR' else chunk(t, d)]),
    'plte-bad-crc.png': edit(pal, lambda t, d: [bad(t, d) if t == b'PLTE' else chunk(t, d)]),
    'idat-bad-crc.png': edit(rgb, lambda t, d: [bad(t, d) if t == b'IDAT' else chunk(t, d)]),
    'iend-bad-crc.png': rgb[:-4] + b'\x00\x00\x00\x00',
    'idat-cut.png': rgb[:-12 - 10],
    'no-iend-idat-short.png': edit(rgb, lambda t, d: [chunk(t, d[:len(d) // 2])] if t == b'IDAT' else [chunk(t, d)])[:-12],
    'plte-duplicate.png': edit(pal, after(b'PLTE', chunk(b'PLTE', bytes(48)))),
    'plte-palette-bad-length.png': edit(pal, lambda t, d: [chunk(t, d[:-1]) if t == b'PLTE' else chunk(t, d)]),
    'plte-rgb-after-trns.png': edit(rgb, before(b'IDAT', chunk(b'tRNS', bytes(6)) + chunk(b'PLTE', bytes(range(48))))),
    # Unchanged encoder output, for the no-copy path.
    'ok-rgb.png': rgb,
    'ok-palette.png': pal,
}

# The fixtures that libpng's defaults refuse (libvips' lenient mode reads
# some of them, with libpng's CRC checks turned off: not our reference).
STOPS = {'ihdr-bad-crc.png', 'plte-bad-crc.png', 'idat-bad-crc.png', 'iend-bad-crc.png', 'idat-cut.png',
         'no-iend-idat-short.png', 'plte-duplicate.png', 'plte-palette-bad-length.png', 'plte-rgb-after-trns.png'}

os.makedirs('ref', exist_ok=True)
for name, data in FIXTURES.items():
    with open(name, 'wb') as f:
        f.write(data)
    ref = os.path.join('ref', name)
    if name in STOPS:
        continue  # libpng's defaults stop on these: no reference
    subprocess.run(['vips', 'copy', name, ref], check=True, capture_output=True)
