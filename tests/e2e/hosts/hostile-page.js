// The host of hostile-page.html, from `?host=`: a stylesheet of its own, or the page's direction.
(() => {
  const host = new URLSearchParams(location.search).get('host') ?? 'neutral';
  const sheets = {
    bootstrap3: '/bootstrap3/bootstrap.min.css',
    bootstrap5: '/bootstrap5/bootstrap.min.css',
    reset: './hostile/reset.css',
    'huge-font': './hostile/huge-font.css',
    zoom: './hostile/zoom.css',
  };
  if (host === 'rtl') document.documentElement.dir = 'rtl';
  if (sheets[host]) document.write(`<link rel="stylesheet" href="${sheets[host]}">`);
})();
