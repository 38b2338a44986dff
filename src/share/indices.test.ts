import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_UNPACKED, pack, unpackChecked } from './indices';

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('unpacking a packed schedule', () => {
  it('round-trips what pack produced', () => {
    const text = '0123456789'.repeat(30);
    expect(unpackChecked(pack(text)!)).toEqual({ ok: true, text });
  });

  it('stops a zip bomb at the cap and calls it too large, not damaged', () => {
    const bomb = base64url(deflateSync(new Uint8Array(3_000_000).fill(48), { level: 9 }));
    expect(bomb.length).toBeLessThan(5_000);
    expect(unpackChecked(bomb)).toEqual({ ok: false, why: 'too-large' });
    const justOver = base64url(deflateSync(new Uint8Array(MAX_UNPACKED + 1).fill(48)));
    expect(unpackChecked(justOver)).toEqual({ ok: false, why: 'too-large' });
    const atCap = base64url(deflateSync(new Uint8Array(MAX_UNPACKED).fill(48)));
    expect(unpackChecked(atCap).ok).toBe(true);
  });

  it('calls truncated or garbled input damaged', () => {
    const packed = pack('0123456789'.repeat(30))!;
    expect(unpackChecked(packed.slice(0, -4))).toEqual({ ok: false, why: 'damaged' });
    expect(unpackChecked('!!!')).toEqual({ ok: false, why: 'damaged' });
    expect(unpackChecked(base64url(new Uint8Array([0xff, 0xfe, 0xfd])))).toEqual({
      ok: false,
      why: 'damaged',
    });
  });
});
