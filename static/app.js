// Conveniences only: every page works without this script.
// Copy buttons: <button data-copy="ID"> copies the value of the input or
// textarea #ID and says so, on the button and in the element named by
// data-status (for screen readers). When the browser will not copy, the
// text is selected and the reader told how to copy it. The label comes back.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-status"));
    if (!input) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      var say = function (message) {
        if (status) status.textContent = message;
        button.textContent = message;
        setTimeout(function () { button.textContent = label; }, 3000);
      };
      var done = function () { say("Copied"); };
      // The browser would not copy: the text is selected for the reader to copy.
      var refused = function () {
        input.focus();
        input.select();
        say("Selected: press Ctrl+C or \u2318C");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, refused);
      } else {
        input.select();
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        if (copied) { done(); } else { refused(); }
      }
    });
  });
})();
