#!/usr/bin/python3
"""Makes the GIF fixtures of internal/gif and records what libvips and Pillow
decode from each, in expected.txt. Run it from this folder with Debian's
python3 (Pillow 9.4), libvips-tools 8.14, ImageMagick 6.9 and giflib-tools 5.2:

    /usr/bin/python3 make.py

Every fixture is made here, by this script's own GIF writer (hand-built
blocks and a literal-only LZW coder), by giflib's gifbuild, by ImageMagick's
convert from its built-in gradients and seeded plasma, or by Pillow: they are
the project's own files. The tests need only Go: they read the fixtures and
expected.txt, and the standard library's GIFs ($(go env GOROOT)/src/image/
testdata) and goroot.txt, made the same way.

expected.txt has one line a fixture: its name, then libvips' result, then
Pillow's, each either WxH:SHA-256 of the decoded pixels as 8-bit
non-premultiplied RGBA in row order (an RGB result gets alpha 255), or
"error"; "+warning" marks a result libvips gave with a warning.
"""
import glob, hashlib, io, os, random, struct, subprocess, tempfile
from PIL import Image

# --- a GIF writer -----------------------------------------------------------

def pack(codes):
    """Packs (code, width) pairs least significant bit first."""
    bits = nb = 0
    out = bytearray()
    for c, w in codes:
        bits |= c << nb
        nb += w
        while nb >= 8:
            out.append(bits & 0xff); bits >>= 8; nb -= 8
    if nb:
        out.append(bits & 0xff)
    return bytes(out)

def lzw(pixels, lit, end=True, clear_when_full=True):
    """Codes pixels as literals, with the code width growing as a decoder's
    table does (entries are defined but never used). When the table is full
    it sends a clear code, or with clear_when_full=False goes on at 12 bits
    ("deferred clear")."""
    clear = 1 << lit
    w, nxt, first = lit + 1, clear + 2, True
    codes = [(clear, w)]
    for p in pixels:
        codes.append((p, w))
        if first:
            first = False
            continue
        if nxt < 4096:
            nxt += 1
            if nxt == 1 << w and w < 12:
                w += 1
        if nxt == 4096 and clear_when_full:
            codes.append((clear, w))
            w, nxt, first = lit + 1, clear + 2, True
    if end:
        codes.append((clear + 1, w))
    return pack(codes)

def raw(codes, width):
    """Packs codes of one width (no growth)."""
    return pack([(c, width) for c in codes])

def subblocks(data, size=255, terminate=True):
    out = bytearray()
    for i in range(0, len(data), size):
        out.append(len(data[i:i + size])); out += data[i:i + size]
    if terminate:
        out.append(0)
    return bytes(out)

def table(colours):
    n = max(1, (len(colours) - 1).bit_length())
    return n - 1, b"".join(bytes(c) for c in colours) + b"\0\0\0" * ((1 << n) - len(colours))

def screen(w, h, colours=None, bg=0, version=b"GIF89a"):
    flags, tab = 0, b""
    if colours is not None:
        size, tab = table(colours)
        flags = 0x80 | 0x70 | size
    return version + struct.pack("<HHBBB", w, h, flags, bg, 0) + tab

def gce(transparent=None, disposal=0, delay=10):
    flags, index = disposal << 2, 0
    if transparent is not None:
        flags, index = flags | 1, transparent
    return b"\x21\xf9\x04" + struct.pack("<BHB", flags, delay, index) + b"\0"

def frame(x, y, w, h, pixels=None, lit=2, colours=None, data=None, interlaced=False, size=255, terminate=True):
    flags, tab = 0, b""
    if colours is not None:
        s, tab = table(colours)
        flags = 0x80 | s
    if interlaced:
        flags |= 0x40
    if data is None:
        data = lzw(pixels, lit)
    return b"\x2c" + struct.pack("<HHHHB", x, y, w, h, flags) + tab + bytes([lit]) + subblocks(data, size, terminate)

def interlace(rows):
    """The rows of an image in interlaced storage order."""
    order = list(range(0, len(rows), 8)) + list(range(4, len(rows), 8)) + list(range(2, len(rows), 4)) + list(range(1, len(rows), 2))
    return [rows[i] for i in order]

TRAILER = b"\x3b"
P4 = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]
P2 = [(255, 0, 0), (0, 255, 0)]

def ramp(w, h, n=4, k=1):
    return [(x + k * y) % n for y in range(h) for x in range(w)]

def save(name, data):
    with open(name + ".gif", "wb") as f:
        f.write(data)

def hand_built():
    rnd = random.Random(10)
    save("small-frame", screen(8, 6, P4, bg=2) + frame(2, 1, 4, 3, ramp(4, 3)) + TRAILER)
    save("small-frame-transparent", screen(8, 6, P4, bg=2) + gce(transparent=1) + frame(2, 1, 4, 3, ramp(4, 3)) + TRAILER)
    save("small-frame-later-transparent", screen(6, 4, P4) + frame(1, 1, 2, 2, ramp(2, 2)) + gce(transparent=0) + frame(0, 0, 6, 4, [1] * 24) + TRAILER)
    save("gce-after-last-frame", screen(6, 4, P4) + frame(1, 1, 2, 2, [0, 1, 2, 0]) + gce(transparent=3) + TRAILER)
    save("later-frame-outside", screen(6, 4, P4, bg=2) + frame(0, 0, 6, 4, ramp(6, 4)) + frame(4, 2, 4, 3, ramp(4, 3)) + TRAILER)
    save("no-colour-table", screen(4, 3) + frame(0, 0, 4, 3, ramp(4, 3)) + TRAILER)
    save("no-colour-table-small", screen(4, 3, bg=1) + frame(1, 1, 2, 2, ramp(2, 2)) + TRAILER)
    save("no-colour-table-transparent", screen(4, 2) + gce(transparent=7) + frame(0, 0, 4, 2, list(range(8)), lit=3) + TRAILER)
    save("local-table", screen(4, 3, P4) + frame(1, 1, 2, 2, ramp(2, 2), colours=[(9, 9, 9), (8, 8, 8), (7, 7, 7), (6, 6, 6)]) + TRAILER)
    save("index-beyond-table", screen(4, 3, P2) + frame(0, 0, 4, 3, ramp(4, 3)) + TRAILER)
    save("index-beyond-table-transparent", screen(4, 3, P2) + gce(transparent=1) + frame(0, 0, 4, 3, ramp(4, 3)) + TRAILER)
    full = [(i, 255 - i, 128) for i in range(256)]
    save("full-table-small-frame", screen(4, 3, P4) + frame(1, 1, 2, 1, [5, 6], lit=8, colours=full) + TRAILER)
    save("little-data-end-code", screen(4, 3, P4) + frame(0, 0, 4, 3, data=lzw(ramp(4, 3)[:5], 2)) + TRAILER)
    save("little-data-transparent", screen(4, 3, P4, bg=2) + gce(transparent=3) + frame(0, 0, 4, 3, data=lzw(ramp(4, 3)[:5], 2)) + TRAILER)
    save("little-data-no-end-code", screen(4, 3, P4) + frame(0, 0, 4, 3, data=lzw(ramp(4, 3)[:5], 2, end=False)) + TRAILER)
    save("little-data-no-end-code-padding", screen(4, 3, P4) + frame(0, 0, 4, 3, data=raw([4, 1, 2, 4, 3, 1, 4, 2, 3], 3)) + TRAILER)
    save("little-data-interlaced", screen(4, 8, P4) + frame(0, 0, 4, 8, data=lzw(sum(interlace([[y % 4] * 4 for y in range(8)]), [])[:20], 2), interlaced=True) + TRAILER)
    save("much-data", screen(4, 3, P4) + frame(0, 0, 4, 3, ramp(4, 3) + [3] * 40) + TRAILER)
    save("much-data-after-end-code", screen(4, 3, P4) + frame(0, 0, 4, 3, data=lzw(ramp(4, 3), 2) + b"\x55" * 300) + TRAILER)
    save("much-data-bad-code-after-full", screen(2, 1, P4) + frame(0, 0, 2, 1, data=raw([4, 1, 2, 7, 7, 7], 3)) + TRAILER)
    save("code-string-past-frame", screen(3, 1, P4) + frame(0, 0, 3, 1, data=raw([4, 2, 6, 5], 3)) + TRAILER)
    d = raw([4, 1, 2, 4, 3, 1, 4, 2, 4, 3, 1, 4, 2, 3, 4, 1, 5], 3)
    save("three-byte-sub-blocks", screen(4, 3, P4) + frame(0, 0, 4, 3, data=d, size=3) + TRAILER)
    rows = [[(x // 2 + y) % 4 for x in range(6)] for y in range(11)]
    save("interlaced", screen(6, 11, P4) + frame(0, 0, 6, 11, sum(interlace(rows), []), interlaced=True) + TRAILER)
    save("lit-1", screen(8, 8, P2) + frame(0, 0, 8, 8, ramp(8, 8, 2, 3), lit=1) + TRAILER)
    save("lit-9-values-above-255", screen(4, 1, P4) + gce(transparent=0) + frame(0, 0, 4, 1, [1, 256, 300, 2], lit=9) + TRAILER)
    save("lit-11", screen(4, 3, P4) + frame(0, 0, 4, 3, ramp(4, 3), lit=11) + TRAILER)
    noise = [rnd.randrange(256) for _ in range(80 * 70)]
    grey = [(i, i, i) for i in range(256)]
    save("table-full", screen(80, 70, grey) + frame(0, 0, 80, 70, noise, lit=8) + TRAILER)
    save("deferred-clear", screen(80, 70, grey) + frame(0, 0, 80, 70, data=lzw(noise, 8, clear_when_full=False), lit=8) + TRAILER)
    save("gif87a-with-gce", screen(4, 3, P4, version=b"GIF87a") + gce(transparent=0) + frame(0, 0, 4, 3, ramp(4, 3)) + TRAILER)
    first = screen(4, 3, P4) + frame(0, 0, 4, 3, ramp(4, 3))
    second = frame(0, 0, 4, 3, [3] * 12)
    save("no-trailer", first)
    save("cut-in-second-frame", first + second[:-5])
    save("unknown-block-after-first", first + b"\x99\x01\x02" + second + TRAILER)
    save("unknown-extension-after-first", first + b"\x21\x42\x02ab\x00" + second + TRAILER)
    save("garbage-after-first", first + b"\x00\x00\x00junk")
    save("screen-640x480", screen(640, 480, P4, bg=2) + frame(3, 2, 4, 3, ramp(4, 3)) + TRAILER)
    # Refused by the library (see gif_test.go for what the references do).
    save("first-frame-outside", screen(6, 4, P4, bg=2) + frame(4, 2, 4, 3, ramp(4, 3)) + TRAILER)
    save("zero-screen", screen(0, 0, P4) + frame(1, 1, 4, 3, ramp(4, 3)) + TRAILER)
    save("cut-in-first-frame", first[:-4])
    save("cut-after-first-frame-data", first[:-1])
    save("first-frame-empty", screen(4, 3, P4) + frame(0, 0, 0, 0, []) + frame(0, 0, 4, 3, ramp(4, 3)) + TRAILER)
    save("no-data", screen(4, 3, P4) + frame(0, 0, 4, 3, data=b"") + TRAILER)
    save("end-code-only", screen(4, 3, P4) + frame(0, 0, 4, 3, data=raw([4, 5], 3)) + TRAILER)
    save("lit-0", screen(4, 3, P4) + frame(0, 0, 4, 3, lit=0, data=b"\0" * 4) + TRAILER)
    save("lit-12", screen(4, 3, P4) + frame(0, 0, 4, 3, lit=12, data=b"\0" * 8) + TRAILER)
    save("bad-code", screen(4, 3, P4) + frame(0, 0, 4, 3, data=raw([4, 1, 2, 7, 3, 3], 3)) + TRAILER)
    save("first-code-not-literal", screen(4, 3, P4) + frame(0, 0, 4, 3, data=raw([4, 6, 1, 1], 3)) + TRAILER)

GIFBUILD = """screen width 16
screen height 12
screen colors 4
screen background 2
pixel aspect byte 0

screen map
	rgb 255 000 000 is 0
	rgb 000 255 000 is 1
	rgb 000 000 255 is 2
	rgb 255 255 000 is 3
end
%s
image # 1
image left 5
image top 3
%simage bits 6 by 4
012301
123012
230123
301230

image # 2
image left 0
image top 0
image bits 2 by 2
33
33
"""

GCE = """
graphics control
	disposal mode 1
	user input flag off
	delay 10
	transparent index 1
end
"""

def tool_made():
    for name, gc, il in (("gifbuild-offset", "", ""), ("gifbuild-offset-transparent-interlaced", GCE, "image interlaced\n")):
        with open(name + ".gif", "wb") as f:
            subprocess.run(["gifbuild"], input=(GIFBUILD % (gc, il)).encode(), stdout=f, check=True)
    im = ["convert"]
    subprocess.run(im + ["-size", "24x16", "gradient:red-blue", "-size", "40x30", "-seed", "3", "plasma:",
                         "-colors", "32", "-set", "page", "40x30+0+0", "(", "-clone", "0", "-set", "page", "40x30+9+7", ")",
                         "-delete", "0", "-swap", "0,1", "-delay", "20", "-loop", "0", "magick-first-frame-offset.gif"], check=True)
    subprocess.run(im + ["-size", "40x30", "-seed", "7", "plasma:", "(", "+clone", "-fill", "white", "-draw", "rectangle 5,5 14,12", ")",
                         "(", "+clone", "-fill", "black", "-draw", "circle 25,15 30,18", ")", "-colors", "64", "-delay", "10", "-loop", "0",
                         "-layers", "optimize", "magick-optimized.gif"], check=True)
    subprocess.run(im + ["-size", "30x20", "gradient:yellow-navy", "(", "+clone", "-alpha", "set", "-channel", "A", "-fx", "i<10?0:1", "+channel", ")",
                         "-delete", "0", "-set", "page", "44x32+7+5", "-colors", "16", "magick-transparent-offset.gif"], check=True)
    subprocess.run(im + ["-size", "64x48", "-seed", "11", "plasma:", "-colors", "256", "magick-256-colours.gif"], check=True)
    with open("magick-optimized.gif", "rb") as f:
        opt = f.read()
    frames = image_offsets(opt)
    save("magick-optimized-cut", opt[:frames[1] + 40])
    end1 = frame_end(opt, frames[0])
    save("magick-optimized-unknown-block", opt[:end1] + b"\x99garbage" + opt[end1:])
    save("magick-optimized-no-trailer", opt[:-1])
    # Pillow writes an animation whose later frames are cropped to what
    # changes, with a transparent index.
    a = Image.new("P", (30, 20))
    a.putpalette([0, 0, 0, 200, 30, 30, 30, 200, 30, 30, 30, 200] + [0] * 756)
    for y in range(20):
        for x in range(30):
            a.putpixel((x, y), 1 + (x // 5 + y // 5) % 3)
    b = a.copy()
    for y in range(4, 9):
        for x in range(12, 20):
            b.putpixel((x, y), 0)
    a.save("pillow-animation.gif", save_all=True, append_images=[b], duration=100, loop=0, transparency=0, disposal=2)

def skip(data, p):
    while data[p]:
        p += 1 + data[p]
    return p + 1

def image_offsets(data):
    flags = data[10]
    p = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    out = []
    while p < len(data) and data[p] != 0x3b:
        if data[p] == 0x21:
            p = skip(data, p + 2)
        else:
            out.append(p)
            p = frame_end(data, p)
    return out

def frame_end(data, p):
    flags = data[p + 9]
    q = p + 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    return skip(data, q + 1)

# --- the references ---------------------------------------------------------

def digest(im):
    im = im.convert("RGBA")
    return "%dx%d:%s" % (im.size[0], im.size[1], hashlib.sha256(im.tobytes()).hexdigest())

def vips(path):
    """libvips' result; it fails on a bad LZW code only some of the time
    (its tiles are decoded on several threads), so an "error in tile"
    warning counts as failing. Another warning is kept as "+warning"."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.png")
        r = subprocess.run(["vips", "copy", path, out], capture_output=True, text=True)
        if r.returncode != 0 or not os.path.exists(out) or "error in tile" in r.stderr:
            return "error"
        return digest(Image.open(out)) + ("+warning" if "WARNING" in r.stderr else "")

def pillow(path):
    try:
        im = Image.open(path)
        im.load()
        return digest(im)
    except Exception:
        return "error"

def main():
    for old in glob.glob("*.gif"):
        os.remove(old)
    hand_built()
    tool_made()
    with open("expected.txt", "w") as f:
        for path in sorted(glob.glob("*.gif")):
            f.write("%s %s %s\n" % (path, vips(path), pillow(path)))
    # The standard library's GIFs, which the tests read from GOROOT.
    goroot = subprocess.run(["go", "env", "GOROOT"], capture_output=True, text=True, check=True).stdout.strip()
    with open("goroot.txt", "w") as f:
        for path in sorted(glob.glob(os.path.join(goroot, "src", "image", "testdata", "*.gif"))):
            f.write("%s %s %s\n" % (os.path.basename(path), vips(path), pillow(path)))

main()
