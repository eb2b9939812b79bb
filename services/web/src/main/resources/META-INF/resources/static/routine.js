// The routine player's optional countdown: the page already says how long an exercise lasts; with JavaScript a
// Start/Pause button and a polite live region count it down. It never moves on by itself.
(function () {
  var timer = document.querySelector('.timer[data-seconds]');
  if (!timer) { return; }
  var total = parseInt(timer.getAttribute('data-seconds'), 10);
  if (!(total > 0)) { return; }
  var left = total;
  var ticking = null;
  var toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.textContent = timer.getAttribute('data-start');
  var reset = document.createElement('button');
  reset.type = 'button';
  reset.className = 'secondary';
  reset.textContent = timer.getAttribute('data-reset');
  var shown = document.createElement('p');
  shown.className = 'timer-left';
  shown.setAttribute('aria-hidden', 'true');
  var spoken = document.createElement('p');
  spoken.className = 'routine-sr';
  spoken.setAttribute('aria-live', 'polite');
  function clock(seconds) {
    var s = seconds % 60;
    return Math.floor(seconds / 60) + ':' + (s < 10 ? '0' : '') + s;
  }
  function show(announce) {
    var text = left > 0 ? timer.getAttribute('data-left') + ' ' + clock(left) : timer.getAttribute('data-done');
    shown.textContent = text;
    // announce only every 15 seconds and at the end, so a screen reader is not talked over every second
    if (announce || left === 0 || left % 15 === 0) { spoken.textContent = text; }
  }
  function stop() {
    clearInterval(ticking);
    ticking = null;
    toggle.textContent = timer.getAttribute('data-start');
  }
  toggle.addEventListener('click', function () {
    if (ticking) { stop(); show(true); return; }
    if (left === 0) { left = total; }
    toggle.textContent = timer.getAttribute('data-pause');
    ticking = setInterval(function () {
      left = Math.max(0, left - 1);
      show(false);
      if (left === 0) { stop(); }
    }, 1000);
    show(true);
  });
  reset.addEventListener('click', function () { stop(); left = total; show(true); });
  timer.appendChild(toggle);
  timer.appendChild(reset);
  timer.appendChild(shown);
  timer.appendChild(spoken);
  show(true);
})();
