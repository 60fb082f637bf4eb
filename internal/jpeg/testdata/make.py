#!/usr/bin/env python3
"""Makes the JPEG fixtures of internal/jpeg and their reference decodes.

Run from this folder with Debian's libjpeg-turbo-progs and python3-pil:
    /usr/bin/python3 make.py $(go env GOROOT)/src/image/testdata/video-001.png
The picture is a 48x32 crop of the Go tree's video-001.png (BSD licence,
LICENSE-go). cjpeg (libjpeg-turbo 2.1.5) encodes it in unusual sampling
layouts and with restart intervals; the damaged files are those encodes
with bytes inserted, removed or changed as each name says. ref/NAME.png is
djpeg's decode of NAME.jpg with -nosmooth (samples repeated, the
upsampling the general path implements), for every file that decodes to
pixels of its own; SAME lists the files whose djpeg decode equals that
of another one (checked here): damaged files that decode as the file they
were made from, and the same coefficients in another order (progressive,
restart intervals). The files are the project's own.
"""
import io
import os
import subprocess
import sys

from PIL import Image

SRC = sys.argv[1]


def cjpeg(*args):
    ppm = io.BytesIO()
    Image.open(SRC).convert('RGB').crop((40, 30, 88, 62)).save(ppm, 'PPM')
    return subprocess.run(['cjpeg', '-quality', '85', *args], input=ppm.getvalue(),
                          capture_output=True, check=True).stdout


def djpeg(data):
    """djpeg's decode as (pixels, warnings); pixels None on an error."""
    r = subprocess.run(['djpeg', '-nosmooth', '-ppm'], input=data, capture_output=True)
    if r.returncode == 1 or not r.stdout:
        return None, r.stderr.decode()
    return r.stdout, r.stderr.decode()


def markers(d):
    """Offsets of the 0xff of every marker, by code, in order."""
    out, i = {}, 0
    while i < len(d) - 1:
        if d[i] == 0xff and d[i + 1] not in (0, 0xff):
            out.setdefault(d[i + 1], []).append(i)
        i += 1
    return out


def insert(d, code, n, data):
    i = markers(d)[code][n]
    return d[:i] + data + d[i:]


files = {}
SAME = {}  # name -> the name of a file whose djpeg decode is the same

# Sampling layouts (Y, Cb, Cr factors) that image/jpeg refuses.
for name, sample, extra in [
        ('sample-1x3', '1x3,1x1,1x1', []),
        ('sample-3x1', '3x1,1x1,1x1', []),
        ('sample-1x4', '1x4,1x1,1x1', []),
        ('sample-3x2', '3x2,1x1,1x1', []),
        ('sample-luma1x1-chroma2x2', '1x1,2x2,2x2', []),
        ('sample-cb1x2-cr2x1', '2x2,1x2,2x1', []),
        ('sample-1x3-progressive', '1x3,1x1,1x1', ['-progressive']),
        ('sample-3x1-restart', '3x1,1x1,1x1', ['-restart', '2B']),
        ('sample-rgb-1x2-1x1-2x1', '1x2,1x1,2x1', ['-rgb'])]:
    files[name] = cjpeg('-sample', sample, *extra)

base = files['base'] = cjpeg()
prog = files['progressive'] = cjpeg('-progressive')
rst = files['restart'] = cjpeg('-restart', '1B')
prst = files['restart-progressive'] = cjpeg('-progressive', '-restart', '1B')
files['arithmetic'] = cjpeg('-arithmetic')
# The same coefficients in another order decode to the same pixels.
SAME.update({'progressive': 'base', 'restart': 'base', 'restart-progressive': 'base', 'arithmetic': 'base',
             'sample-1x3-progressive': 'sample-1x3', 'sample-3x1-restart': 'sample-3x1'})


def damaged(name, src, data):
    files[name] = data
    if src:
        SAME[name] = src


# Extraneous bytes before a marker, fill bytes, empty segments, no EOI.
damaged('soi-garbage', 'base', base[:2] + b'\x00\x00junk' + base[2:])
damaged('app0-garbage', 'base', insert(base, 0xdb, 0, b'\x00\x00\x00'))
damaged('dqt-garbage', 'base', insert(base, 0xc0, 0, b'\x12\x34'))
damaged('eoi-garbage', 'base', insert(base, 0xd9, 0, b'\x00\x01\x02garbage'))
damaged('fill-bytes', 'base', insert(base, 0xdb, 0, b'\xff\xff\xff'))
damaged('empty-segments', 'base', insert(base, 0xdb, 0, b'\xff\xfe\x00\x02\xff\xe5\x00\x02\xff\xdb\x00\x02\xff\xc4\x00\x02'))
damaged('no-eoi', 'base', base[:-2])
damaged('no-eoi-half-marker', 'base', base[:-1])
damaged('progressive-scan-garbage', 'progressive', insert(prog, 0xc4, 2, b'\x00\x00\x00\x00'))
damaged('progressive-no-eoi', 'progressive', prog[:-2])

# Restart markers: junk before one, one relabelled far ahead (taken for
# the one wanted), an invalid marker code before one: all decode as the
# original. Missing, relabelled by one and duplicated markers lose an
# interval, as libjpeg's resynchronisation loses it.
rsts = [i for c in range(0xd0, 0xd8) for i in markers(rst).get(c, [])]
rsts.sort()
r2, r1 = rsts[2], rsts[1]
damaged('restart-junk', 'restart', rst[:r2] + b'\x00\x11\x22' + rst[r2:])
damaged('restart-far', 'restart', rst[:r1 + 1] + b'\xd5' + rst[r1 + 2:])
damaged('restart-invalid-marker', 'restart', rst[:r2] + b'\xff\x05' + rst[r2:])
damaged('restart-missing', None, rst[:r2] + rst[r2 + 2:])
damaged('restart-relabelled', None, rst[:r2 + 1] + b'\xd3' + rst[r2 + 2:])
damaged('restart-duplicate', None, rst[:r1] + b'\xff\xd1' + rst[r1:])
# In the progressive file, the tenth restart marker of the first luma AC
# scan (its markers wrap from RST7 to RST0) goes missing.
sos = markers(prst)[0xda]
ac = [i for i in sorted(j for c in range(0xd0, 0xd8) for j in markers(prst).get(c, [])) if sos[1] < i < sos[2]]
damaged('restart-progressive-missing', None, prst[:ac[9]] + prst[ac[9] + 2:])

# Rejected: truncated inside a scan, a progressive file cut before its last
# scan, a restart interval that ends at EOI (libjpeg shows these three
# with grey or blurred parts; we refuse truncated data), a damaged or
# missing SOI.
damaged('cut', None, base[:(markers(base)[0xda][0] + len(base)) // 2])
damaged('progressive-cut', None, prog[:markers(prog)[0xda][-1]])
damaged('restart-cut-eoi', None, rst[:(rsts[3] + rsts[4]) // 2] + b'\xff\xd9')
damaged('soi-damaged', None, b'\xff\xd9' + base[2:])
damaged('no-soi', None, base[2:])

os.makedirs('ref', exist_ok=True)
for name, data in sorted(files.items()):
    with open(name + '.jpg', 'wb') as f:
        f.write(data)
    pix, warn = djpeg(data)
    print(f'{name}: {len(data)} bytes; djpeg: {"error" if pix is None else "ok"} {warn.strip()}')
    if name in SAME:
        want, _ = djpeg(files[SAME[name]])
        assert pix == want, name + ' does not decode as ' + SAME[name]
    elif pix is not None and name not in ('cut', 'progressive-cut', 'restart-cut-eoi'):
        Image.open(io.BytesIO(pix)).save(os.path.join('ref', name + '.png'), optimize=True)
with open('SAME', 'w') as f:
    for name in sorted(SAME):
        f.write(f'{name} {SAME[name]}\n')
