import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast-ratio.ts';
import { isHexColor } from './is-hex-color.ts';
import { readableTextColor } from './readable-text-color.ts';

describe('brand colour contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the classic 4.54:1 grey, just above AA for body text.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('puts white text on dark brand colours and black on light ones', () => {
    expect(readableTextColor('#2563eb')).toBe('#ffffff');
    expect(readableTextColor('#1e293b')).toBe('#ffffff');
    expect(readableTextColor('#facc15')).toBe('#000000');
    expect(readableTextColor('#e2e8f0')).toBe('#000000');
  });

  it('accepts only #rrggbb colours', () => {
    expect(isHexColor('#12abEF')).toBe(true);
    expect(isHexColor('#fff')).toBe(false);
    expect(isHexColor('red')).toBe(false);
    expect(isHexColor('#12345g')).toBe(false);
  });
});
