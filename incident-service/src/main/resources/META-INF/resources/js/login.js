// Shows the sign-in error when the form login sent the user back with ?fel=1 (a file: the CSP allows no inline script).
if (new URLSearchParams(location.search).has('fel')) {
  document.getElementById('fel').hidden = false;
}
