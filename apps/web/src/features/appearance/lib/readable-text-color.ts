import { contrastRatio } from './contrast-ratio.ts';

/** Black or white, whichever reads better on `background` (#rrggbb): text on brand-coloured buttons. */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}
