#!/usr/bin/env python3
"""Writes the fixture NumberTextTest checks org.xorlab.text.NumberText against: doubles and how Python prints them.

Rerun it (any Python 3.9 or later; repr has been the shortest round-trip form since 3.1) from the repository root:

    python3 tools/python_floats.py > src/test/resources/org/xorlab/text/python-floats.tsv

The output depends only on the fixed seed below, so rerunning it gives the same file. CI does not run Python: the
file is committed. One line per double, tab-separated:

    bits     the double's IEEE 754 bits, 16 hex digits (so the value is exact, whatever parses it)
    repr     repr(x): what print(x) and the notebook's f-strings show
    g6       format(x, '.6g')
    g4       format(x, '.4g')
    f4       format(x, '.4f'), or '-' where that would be longer than 30 characters
"""
import math
import random
import struct
import sys

SEED = 8


def bits(x):
    return struct.unpack('>Q', struct.pack('>d', x))[0]


def values():
    special = [0.0, -0.0, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
               1.7976931348623157e308, -1.7976931348623157e308, math.inf, -math.inf, math.nan,
               1e-5, 1e-4, 9.999999999999999e-5, 0.00010000000000000002, 1e15, 1e16, 9999999999999998.0,
               1.0000000000000002e16, 123456789012345680.0, 0.1, 0.2, 0.30000000000000004, 0.3, 1 / 3, 2 / 3,
               100.0, 1e22, 1e23, 2e23, 2.0 ** 53, 2.0 ** 53 + 2, 0.5, 1.5, 2.5, 0.25, 0.125, 0.375, 2.82879384806159e17,
               0.0007711430393547778, 6.975669832195507e-4, 0.3239537158130419, 0.24817211793449434,
               0.0041953370116255065, 0.00270126406202041, 0.18092502, 2.983718377750613e-4, 6.722668606210346e-05,
               1234565.0, 1234575.0, 999999.5, 9999995.0, 99999.95, 0.00012345, 0.012345, 1.0000005, 0.99999995,
               0.00005, 0.000049999, 0.00099995, 12345.5, 0.05464331, 0.95032601, 0.00005, 1e100, 1e-100, 1e300]
    special += [float(i) for i in range(-20, 21)]
    special += [x for k in range(-25, 26) for x in (10.0 ** k, math.nextafter(10.0 ** k, 0), math.nextafter(10.0 ** k, math.inf))]
    yield from special

    # Every power of two: where the gap to the next double below is half the gap above, which is where a naive
    # "round to n digits and see if it reads back" search finds a longer answer than Python.
    for k in range(-1074, 1024):
        yield math.ldexp(1.0, k)
    for k in range(-1074, 1024, 7):
        yield math.nextafter(math.ldexp(1.0, k), 0)

    rng = random.Random(SEED)
    # Random doubles over every magnitude, and (below) over plausible losses, and random bit patterns.
    for _ in range(2000):
        x = rng.uniform(1, 10) * 10.0 ** rng.randint(-323, 307)
        if math.isfinite(x) and x != 0:
            yield x if rng.random() < 0.8 else -x
    for _ in range(500):
        yield 10.0 ** rng.uniform(-9, 0)
    for _ in range(500):
        x = struct.unpack('>d', struct.pack('>Q', rng.getrandbits(64)))[0]
        if not math.isnan(x):
            yield x


def main():
    out = sys.stdout
    out.write('# Written by tools/python_floats.py (seed %d); see that script. Do not edit.\n' % SEED)
    out.write('# bits\trepr\tg6\tg4\tf4\n')
    seen = set()
    for x in values():
        b = bits(x)
        if b in seen:
            continue
        seen.add(b)
        f4 = format(x, '.4f')
        out.write('%016x\t%s\t%s\t%s\t%s\n' % (b, repr(x), format(x, '.6g'), format(x, '.4g'), f4 if len(f4) <= 30 else '-'))


if __name__ == '__main__':
    main()
