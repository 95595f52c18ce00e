// Applies the remembered theme before the first paint, so a dark-mode user sees no white flash.
// A separate file, not an inline script: the server's Content-Security-Policy allows only these.
try {
  var theme = localStorage.getItem('pulse.theme') || 'system';
  var dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
} catch {
  // Storage unavailable (privacy mode): the app applies the theme once it starts.
}
