/** Samples this process's resident set size while a measurement runs. */
export function sampleRss(intervalMs = 20): { stop: () => { peakBytes: number; startBytes: number } } {
  const startBytes = process.memoryUsage().rss;
  let peakBytes = startBytes;
  const timer = setInterval(() => {
    peakBytes = Math.max(peakBytes, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      peakBytes = Math.max(peakBytes, process.memoryUsage().rss);
      return { peakBytes, startBytes };
    },
  };
}
