/** The most a logo may weigh (the API's limit for data: URLs). */
export const maxLogoBytes = 100 * 1024;

const types = ['image/png', 'image/svg+xml', 'image/jpeg'];

/** A logo file as a data: URL, or an error message saying what is accepted. */
export function readLogoFile(file: File): Promise<{ url: string } | { error: string }> {
  if (!types.includes(file.type)) return Promise.resolve({ error: 'Use a PNG, SVG or JPEG image.' });
  if (file.size > maxLogoBytes)
    return Promise.resolve({ error: `The logo is ${Math.ceil(file.size / 1024)} kB; at most 100 kB.` });
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ url: String(reader.result) });
    reader.onerror = () => resolve({ error: 'The file could not be read.' });
    reader.readAsDataURL(file);
  });
}
