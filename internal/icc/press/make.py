#!/usr/bin/python3
# Makes fogra39.bin, the CMYK -> Lab grid of the press profile used for CMYK
# uploads that carry none, from FOGRA39L.ti3 of Debian's icc-profiles-free
# (/usr/share/color/icc; Zlib, see LICENSE-FOGRA39L): the measurements of
# ISO 12647-2 offset printing on coated paper (FOGRA39), run once.
#
# The grid is the chart's own full subgrid: C, M, Y at 0, 20, 40, 70, 100 %
# and K at 0, 20, 40, 60, 80, 100 %. Where the chart has no patch at K 80
# or 100, its XYZ is the patch at K 60 times the ratio of K alone at that
# level to K 60 (black as a neutral filter over the colour beneath).
#
# The values are media-relative, as an output profile's A2B1 holds them (the
# paper is white): each XYZ scaled by D50 over the paper's XYZ, component by
# component (ICC.1 relative colorimetry).
#
# Layout: 5*5*5*6 nodes, C slowest and K fastest, each L*, a*, b* (D50) as
# big-endian uint16 in the ICC v4 Lab encoding (L*/100, (a*+128)/255).
import struct, sys

src = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/color/icc/FOGRA39L.ti3'
patches = {}
on = False
for line in open(src):
    if line.startswith('BEGIN_DATA') and 'FORMAT' not in line:
        on = True
        continue
    if line.startswith('END_DATA') and 'FORMAT' not in line:
        break
    if on:
        f = line.split()
        patches[tuple(float(x) for x in f[1:5])] = [float(x) for x in f[5:11]]

cmy = [0, 20, 40, 70, 100]
ks = [0, 20, 40, 60, 80, 100]
d50 = (96.42, 100.0, 82.49)

def lab(xyz):
    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = (f(v / w) for v, w in zip(xyz, d50))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)

paper = patches[(0, 0, 0, 0)][0:3]

def relative(xyz):
    return [v * w / p for v, w, p in zip(xyz, d50, paper)]

out = bytearray()
measured = modelled = 0
for c in cmy:
    for m in cmy:
        for y in cmy:
            for k in ks:
                p = patches.get((c, m, y, k))
                if p is not None:
                    xyz = p[0:3]
                    measured += 1
                else:
                    base = patches[(c, m, y, 60)][0:3]
                    ratio = [u / v for u, v in zip(patches[(0, 0, 0, k)][0:3], patches[(0, 0, 0, 60)][0:3])]
                    xyz = [u * r for u, r in zip(base, ratio)]
                    modelled += 1
                L, a, b = lab(relative(xyz))
                for v in (L / 100, (a + 128) / 255, (b + 128) / 255):
                    out += struct.pack('>H', round(min(max(v, 0), 1) * 65535))
open('fogra39.bin', 'wb').write(out)
print(measured, 'measured nodes,', modelled, 'modelled')
