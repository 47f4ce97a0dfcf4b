// Writes the tray icons into assets/ (our own drawing, no licence to track): a filled circle per
// agent status, 32×32 RGBA PNG. Run: node scripts/generate-tray-icons.mjs
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const COLOURS = {
  available: [46, 125, 50],
  'on-call': [47, 122, 120],
  break: [183, 121, 31],
  dnd: [166, 27, 27],
  offline: [128, 128, 128],
};
const SIZE = 32;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function circle([r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y += 1) {
    const row = [0];
    for (let x = 0; x < SIZE; x += 1) {
      const distance = Math.hypot(x + 0.5 - SIZE / 2, y + 0.5 - SIZE / 2);
      const alpha = Math.round(255 * Math.min(1, Math.max(0, SIZE / 2 - 2 - distance + 0.5)));
      row.push(r, g, b, alpha);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [status, colour] of Object.entries(COLOURS)) {
  writeFileSync(resolve(import.meta.dirname, `../assets/tray-${status}.png`), circle(colour));
}
