"""Draws the tab bar's icons (81×81 PNG, WeChat's size; tab icons cannot be SVG): python3 scripts/tabIcons.py"""
import math, struct, zlib, os

SIZE, SS = 81, 4  # supersampled 4× for smooth edges
OUT = os.path.join(os.path.dirname(__file__), '..', 'miniprogram', 'assets', 'tab')

def inside_home(x, y):
    roof = y >= 18 and y <= 42 and abs(x - 40.5) <= (y - 18) * 1.15
    body = 22 <= x <= 59 and 40 <= y <= 66 and not (35 <= x <= 46 and y >= 50)
    return roof or body

def inside_feed(x, y):
    bx0, by0, bx1, by1, r = 14, 16, 67, 56, 10
    cx, cy = min(max(x, bx0 + r), bx1 - r), min(max(y, by0 + r), by1 - r)
    bubble = (x - cx) ** 2 + (y - cy) ** 2 <= r * r and bx0 <= x <= bx1 and by0 <= y <= by1
    tail = 24 <= x <= 38 and 55 <= y <= 68 and (x - 24) >= (y - 55) * 1.0
    lines = (25 <= x <= 56 and (29 <= y <= 32 or 39 <= y <= 42))
    return (bubble or tail) and not lines

def inside_mall(x, y):
    bag = 17 <= x <= 64 and 30 <= y <= 68
    d = math.hypot(x - 40.5, y - 30)
    handle = 10 <= d <= 14.5 and y <= 30
    hole = 21 <= x <= 60 and 34 <= y <= 64 and False
    return (bag or handle) and not hole

def inside_me(x, y):
    head = math.hypot(x - 40.5, y - 27) <= 12
    body = ((x - 40.5) / 24) ** 2 + ((y - 68) / 22) ** 2 <= 1 and y <= 68
    return head or body

def png(path, inside, rgb):
    rows = []
    for py in range(SIZE):
        row = bytearray([0])
        for px in range(SIZE):
            hits = sum(inside(px + (i + 0.5) / SS, py + (j + 0.5) / SS) for i in range(SS) for j in range(SS))
            row += bytes([*rgb, round(255 * hits / (SS * SS))])
        rows.append(bytes(row))
    raw = zlib.compress(b''.join(rows), 9)
    chunk = lambda kind, data: struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0)) + chunk(b'IDAT', raw) + chunk(b'IEND', b''))

for name, shape in [('home', inside_home), ('feed', inside_feed), ('mall', inside_mall), ('me', inside_me)]:
    png(os.path.join(OUT, f'{name}.png'), shape, (0x8C, 0x80, 0x79))
    png(os.path.join(OUT, f'{name}-on.png'), shape, (0xE8, 0x74, 0x3B))
