// Progressive enhancements for an attempt page: autosave without reloading,
// and a countdown. The page works without them; the server keeps the time.
(function () {
  "use strict";

  function setupAutosave(form) {
    var url = form.getAttribute("data-autosave-url");
    var status = document.querySelector(".autosave-status");
    var timer = null;
    var inFlight = false;
    var pending = false;

    function show(message) {
      if (status) { status.textContent = message; }
    }

    function save() {
      if (inFlight) { pending = true; return; }
      inFlight = true;
      var data = new FormData(form);
      data.delete("nav");
      show("Saving…");
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (response.redirected || !(response.headers.get("Content-Type") || "").includes("json")) {
          show("Not saved: please log in again. Your earlier answers are safe.");
          return null;
        }
        return response.json().then(function (body) {
          if (body.saved) {
            var time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
            show("Answer saved at " + time + ".");
          } else if (body.closed) {
            show(body.message);
          } else {
            var messages = [];
            Object.keys(body.errors || {}).forEach(function (key) {
              messages = messages.concat(body.errors[key]);
            });
            show("Not saved: " + messages.join(" "));
          }
        });
      }).catch(function () {
        show("Not saved yet: the connection dropped. Your answer will be saved when you move on.");
      }).finally(function () {
        inFlight = false;
        if (pending) { pending = false; save(); }
      });
    }

    function schedule(delay) {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, delay);
    }

    form.addEventListener("change", function () { schedule(150); });
    form.addEventListener("input", function (event) {
      if (event.target.matches("input[type=text], input:not([type])")) { schedule(800); }
    });
  }

  function setupCountdown(element) {
    var deadline = Date.parse(element.getAttribute("data-deadline"));
    var value = element.querySelector(".quiz-timer-value");
    if (isNaN(deadline) || !value) { return; }
    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      value.textContent = minutes + " min " + (seconds < 10 ? "0" : "") + seconds + " s";
      if (left === 0) {
        value.textContent = "time is up";
        window.clearInterval(handle);
      }
    }
    var handle = window.setInterval(tick, 1000);
    tick();
  }

  document.querySelectorAll("form.answer-form[data-autosave-url]").forEach(setupAutosave);
  document.querySelectorAll(".quiz-timer[data-deadline]").forEach(setupCountdown);
})();
