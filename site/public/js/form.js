// Progressive enhancement for every form of the site; every step works without this file.
(function () {
  // Move focus to the error summary so keyboard and screen-reader users hear what to fix.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();

  // A print button (results page) exists only with this script; without it the page says Ctrl+P.
  document.querySelectorAll('[data-print]').forEach(function (b) { b.hidden = false; b.addEventListener('click', function () { window.print(); }); });

  // Prevent a double submit by a second click while the page is loading.
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.submitting === '1') {
        event.preventDefault();
        return;
      }
      form.dataset.submitting = '1';
      var pressed = event.submitter;
      if (pressed && pressed.hasAttribute('data-submit')) {
        pressed.setAttribute('aria-disabled', 'true');
        pressed.classList.add('utrecht-button--busy');
      }
    });
  });
})();
