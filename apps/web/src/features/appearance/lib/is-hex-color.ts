/** Whether `value` is a colour as the API stores it: #rrggbb. */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}
