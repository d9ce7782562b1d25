// The demo site's view switch: normal, the low-vision version, dark. It sets the site's own styles and
// the Veche provider's theme, and remembers the choice.
const provider = document.getElementById('provider');
const buttons = [...document.querySelectorAll('.view-switch button')];

function choose(view) {
  document.documentElement.dataset.view = view;
  provider.setAttribute('theme', view);
  for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.theme === view));
  try {
    localStorage.setItem('demo-city-view', view);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
}

for (const b of buttons) b.addEventListener('click', () => choose(b.dataset.theme));
let saved = null;
try {
  saved = localStorage.getItem('demo-city-view');
} catch {
  saved = null;
}
if (saved && buttons.some((b) => b.dataset.theme === saved)) choose(saved);
