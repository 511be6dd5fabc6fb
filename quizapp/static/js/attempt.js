// Progressive enhancements for an attempt: answers that survive a dropped network,
// and a countdown. The page works without them; the server keeps the answers and the time.
//
// Every change to an answer is written to the browser's storage first, then sent to the
// server; it stays in storage until the server confirms it. Failed sends are retried with
// a growing delay and at once when the browser comes back online. When the session has
// ended, the answer waits until the student logs in again, then goes with a fresh token.
(function () {
  "use strict";

  var STORE_PREFIX = "quizapp:pending:";
  var FIRST_DELAY = 1000;
  var MAX_DELAY = 30000;
  var SKIPPED_FIELDS = ["csrf_token", "nav"];

  // ---- Answers waiting for the server, kept in localStorage per attempt ----
  function PendingStore(attempt) {
    var key = STORE_PREFIX + attempt;
    var memory = {};

    function read() {
      try {
        var text = window.localStorage.getItem(key);
        return text ? JSON.parse(text) : {};
      } catch (error) {
        return memory;
      }
    }

    function write(entries) {
      memory = entries;
      try {
        if (Object.keys(entries).length) {
          window.localStorage.setItem(key, JSON.stringify(entries));
        } else {
          window.localStorage.removeItem(key);
        }
      } catch (error) {
        // Storage full or disabled: the answer is still in this page's memory.
      }
    }

    return {
      get: function (position) { return read()[position] || null; },
      put: function (position, entry) {
        var entries = read();
        entries[position] = entry;
        write(entries);
      },
      // Forget an entry the server confirmed, unless it changed while it was on its way.
      confirm: function (position, seq) {
        var entries = read();
        if (entries[position] && entries[position].seq === seq) {
          delete entries[position];
          write(entries);
        }
      },
      clear: function () { write({}); },
      list: function () {
        var entries = read();
        return Object.keys(entries).map(function (position) { return entries[position]; })
          .sort(function (a, b) { return a.position - b.position; });
      }
    };
  }

  function formFields(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (SKIPPED_FIELDS.indexOf(name) === -1 && typeof value === "string") {
        fields.push([name, value]);
      }
    });
    return fields;
  }

  function hasField(fields, name, value) {
    return fields.some(function (pair) { return pair[0] === name && pair[1] === value; });
  }

  function firstValue(fields, name) {
    for (var i = 0; i < fields.length; i += 1) {
      if (fields[i][0] === name) { return fields[i][1]; }
    }
    return "";
  }

  // Put a stored answer back into the form (after a reload or a new login).
  function applyFields(form, fields) {
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || SKIPPED_FIELDS.indexOf(element.name) !== -1) { return; }
      if (element.type === "radio" || element.type === "checkbox") {
        element.checked = hasField(fields, element.name, element.value);
      } else if (element.tagName === "SELECT" || element.tagName === "TEXTAREA" ||
                 element.tagName === "INPUT") {
        if (element.type !== "submit" && element.type !== "button" && element.type !== "hidden") {
          element.value = firstValue(fields, element.name);
        }
      }
    });
  }

  function timeNow() {
    return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function isLoginPage(url) {
    return /\/auth\/login$/.test(new URL(url, window.location.href).pathname);
  }

  function isJson(response) {
    return (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
  }

  // ---- The sender: one per page, one request at a time ----
  function Saver(form) {
    var attempt = form.getAttribute("data-attempt");
    var position = form.getAttribute("data-position");
    var url = form.getAttribute("data-autosave-url");
    var loginUrl = form.getAttribute("data-login-url");
    var status = document.querySelector(".autosave-status");
    var tokenInput = form.querySelector("input[name=csrf_token]");
    var store = new PendingStore(attempt);
    var problem = null;     // "offline" | "login" | "server" | "closed" | "invalid"
    var problemText = "";
    var lastSaved = null;
    var running = null;
    var retryTimer = null;
    var delay = FIRST_DELAY;
    var counter = 0;

    function token() { return tokenInput ? tokenInput.value : ""; }

    function keep() {
      if (!position) { return; }
      counter += 1;
      store.put(position, {
        position: Number(position),
        url: url,
        fields: formFields(form),
        seq: Date.now() + ":" + counter
      });
      if (problem === "invalid") { problem = null; }
      render();
    }

    // ---- What the page says ----
    function line(text, className) {
      var p = document.createElement("p");
      p.className = "mb-0 " + (className || "");
      p.textContent = text;
      return p;
    }

    function render() {
      if (!status) { return; }
      var waiting = store.list();
      var parts = [];
      var tone = "saved";
      status.textContent = "";
      if (problem === "closed") {
        tone = "problem";
        parts.push(line(problemText));
      } else if (problem === "invalid") {
        tone = "problem";
        parts.push(line(problemText));
      } else if (waiting.length) {
        tone = problem ? "problem" : "waiting";
        var numbers = waiting.map(function (entry) { return entry.position; });
        parts.push(line(
          (waiting.length === 1 ? "1 answer is" : waiting.length + " answers are") +
          " waiting to be saved (question" + (waiting.length === 1 ? " " : "s ") +
          numbers.join(", ") + ").", "fw-medium"));
        if (problem === "offline") {
          parts.push(line("You are offline. Your answers are kept in this browser and will be " +
            "sent when the connection returns."));
        } else if (problem === "login") {
          var p = line("Your session has ended. Your answers are kept in this browser and will " +
            "be sent once you ");
          var link = document.createElement("a");
          link.href = loginUrl;
          link.textContent = "log in again";
          p.appendChild(link);
          p.appendChild(document.createTextNode("."));
          parts.push(p);
        } else if (problem === "server") {
          parts.push(line(problemText));
        } else {
          parts.push(line("Saving…"));
        }
      } else if (lastSaved) {
        parts.push(line("All answers saved (last at " + lastSaved + ")."));
      }
      status.setAttribute("data-state", tone);
      parts.forEach(function (part) { status.appendChild(part); });
      markPending(waiting);
    }

    function markPending(waiting) {
      var pending = waiting.map(function (entry) { return String(entry.position); });
      document.querySelectorAll(".question-nav button[data-position]").forEach(function (button) {
        button.classList.toggle("is-pending", pending.indexOf(button.getAttribute("data-position")) !== -1);
      });
    }

    // The palette and the count, from the server's list of answered questions.
    function showAnswered(body) {
      if (!body.answered_positions) { return; }
      var answered = body.answered_positions.map(String);
      document.querySelectorAll(".question-nav button[data-position]").forEach(function (button) {
        var number = button.getAttribute("data-position");
        var isAnswered = answered.indexOf(number) !== -1;
        if (!button.classList.contains("btn-dark")) {
          button.classList.toggle("btn-outline-success", isAnswered);
          button.classList.toggle("btn-outline-secondary", !isAnswered);
        }
        button.setAttribute("aria-label", "Question " + number + ", " +
          (isAnswered ? "answered" : "not answered"));
        var mark = button.querySelector(".unanswered-mark");
        if (mark) { mark.textContent = isAnswered ? "" : "·"; }
      });
      document.querySelectorAll(".answered-count").forEach(function (element) {
        element.textContent = body.answered_count;
      });
      document.querySelectorAll("progress.answered-progress").forEach(function (element) {
        element.value = body.answered_count;
        element.textContent = body.answered_count + " of " + element.max;
      });
    }

    // ---- Talking to the server ----
    // A fresh CSRF token from the page itself (the session may be new after a re-login).
    function refreshToken() {
      return fetch(window.location.href, { credentials: "same-origin" }).then(function (response) {
        if (response.redirected && isLoginPage(response.url)) { return false; }
        if (!response.ok) { return false; }
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.querySelector("input[name=csrf_token]");
          if (!fresh || !tokenInput) { return false; }
          tokenInput.value = fresh.value;
          return true;
        });
      });
    }

    function post(entry, tokenRefreshed) {
      var data = new FormData();
      data.append("csrf_token", token());
      entry.fields.forEach(function (pair) { data.append(pair[0], pair[1]); });
      return fetch(entry.url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (response.redirected && isLoginPage(response.url)) { return { outcome: "login" }; }
        if (!isJson(response)) {
          if (response.status === 400 && !tokenRefreshed) {
            // The form's token belongs to an ended session: fetch a new one, then try again.
            return refreshToken().then(function (ok) {
              return ok ? post(entry, true) : { outcome: "login" };
            });
          }
          if (response.status === 400 || response.status === 401 || response.status === 403) {
            return { outcome: "login" };
          }
          return { outcome: "server", message: "The server could not save your answer (error " +
            response.status + "). Your answers are kept in this browser and will be sent again " +
            "automatically." };
        }
        return response.json().then(function (body) {
          if (body.saved) { return { outcome: "saved", body: body }; }
          if (body.closed) { return { outcome: "closed", message: body.message }; }
          if (body.retry) { return { outcome: "server", message: body.message }; }
          var messages = [];
          Object.keys(body.errors || {}).forEach(function (key) {
            messages = messages.concat(body.errors[key]);
          });
          return { outcome: "invalid", message: "Not saved: " + messages.join(" ") };
        });
      }, function () {
        return { outcome: "offline" };
      });
    }

    function sendAll() {
      var waiting = store.list();
      if (!waiting.length) { return Promise.resolve(true); }
      var entry = waiting[0];
      return post(entry, false).then(function (result) {
        if (result.outcome === "saved") {
          store.confirm(entry.position, entry.seq);
          lastSaved = timeNow();
          problem = null;
          delay = FIRST_DELAY;
          showAnswered(result.body);
          render();
          return sendAll();
        }
        if (result.outcome === "invalid") {
          // The server will not take this answer as it is: say why and stop resending it.
          store.confirm(entry.position, entry.seq);
          problem = "invalid";
          problemText = result.message;
          render();
          return sendAll().then(function () { return false; });
        }
        if (result.outcome === "closed") {
          store.clear();
          problem = "closed";
          problemText = result.message;
          render();
          return false;
        }
        problem = result.outcome === "offline" && navigator.onLine ? "server" : result.outcome;
        problemText = result.message || "The server did not answer. Your answers are kept in " +
          "this browser and will be sent again automatically.";
        render();
        scheduleRetry();
        return false;
      });
    }

    // Send everything waiting; resolves to true when the server has confirmed it all.
    function flush() {
      window.clearTimeout(retryTimer);
      if (running) {
        return running.then(flush);
      }
      running = sendAll().then(function (done) {
        running = null;
        return done;
      }, function () {
        running = null;
        scheduleRetry();
        return false;
      });
      return running;
    }

    function scheduleRetry() {
      window.clearTimeout(retryTimer);
      retryTimer = window.setTimeout(flush, delay);
      delay = Math.min(delay * 2, MAX_DELAY);
    }

    var changeTimer = null;
    function scheduleFlush(wait) {
      window.clearTimeout(changeTimer);
      changeTimer = window.setTimeout(flush, wait);
    }

    return {
      store: store,
      keep: keep,
      flush: flush,
      render: render,
      scheduleFlush: scheduleFlush,
      wentOffline: function () {
        if (store.list().length) { problem = "offline"; render(); }
      },
      cameOnline: function () {
        delay = FIRST_DELAY;
        flush();
      },
      blocked: function () {
        return problem === "offline" || problem === "login" || problem === "server";
      },
      closed: function () { return problem === "closed"; }
    };
  }

  // ---- The question page ----
  function setupAnswerForm(form) {
    var saver = new Saver(form);
    var position = form.getAttribute("data-position");
    var kept = saver.store.get(position);
    if (kept) { applyFields(form, kept.fields); }
    var bypass = false;

    form.addEventListener("change", function () { saver.keep(); saver.scheduleFlush(150); });
    form.addEventListener("input", function (event) {
      if (event.target.matches("input[type=text], input:not([type]), textarea")) {
        saver.keep();
        saver.scheduleFlush(800);
      }
    });
    window.addEventListener("online", saver.cameOnline);
    window.addEventListener("offline", saver.wentOffline);

    // Moving on saves first; when the answer cannot reach the server, stay on this page.
    form.addEventListener("submit", function (event) {
      if (bypass) { return; }
      event.preventDefault();
      var submitter = event.submitter;
      saver.keep();
      saver.flush().then(function () {
        if (saver.blocked()) {
          saver.render();
          var status = document.querySelector(".autosave-status");
          if (status) { status.scrollIntoView({ block: "nearest" }); }
          return;
        }
        bypass = true;
        if (submitter && form.requestSubmit) {
          form.requestSubmit(submitter);
        } else {
          form.submit();
        }
      });
    });

    saver.render();
    if (saver.store.list().length) { saver.flush(); }
  }

  // ---- The summary page: send anything left waiting before the attempt is submitted ----
  function setupSubmitForm(form) {
    var saver = new Saver(form);
    if (!saver.store.list().length) { return; }
    var bypass = false;
    window.addEventListener("online", saver.cameOnline);
    form.addEventListener("submit", function (event) {
      if (bypass || !saver.store.list().length) { return; }
      event.preventDefault();
      saver.flush().then(function (done) {
        if (done || saver.closed()) {
          bypass = true;
          form.submit();
        }
      });
    });
    saver.flush().then(function (done) {
      if (done) { window.location.reload(); }
    });
  }

  // ---- The countdown, with warnings before the time is up ----
  var WARNINGS = [
    { seconds: 60, text: "1 minute left. Your answers are saved as you go; anything not saved when the time is up will not count." },
    { seconds: 300, text: "5 minutes left. Your answers are saved as you go." }
  ];

  function setupCountdown(element) {
    var deadline = Date.parse(element.getAttribute("data-deadline"));
    var value = element.querySelector(".quiz-timer-value");
    var warning = document.querySelector(".time-warning");
    if (isNaN(deadline) || !value) { return; }
    var shown = null;
    var handle = null;
    function warn(text) {
      if (!warning || shown === text) { return; }
      shown = text;
      warning.hidden = false;
      warning.textContent = text;
    }
    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      value.textContent = minutes + " min " + (seconds < 10 ? "0" : "") + seconds + " s";
      element.classList.toggle("quiz-timer-low", left <= 300);
      for (var i = 0; i < WARNINGS.length; i += 1) {
        if (left > 0 && left <= WARNINGS[i].seconds) { warn(WARNINGS[i].text); break; }
      }
      if (left === 0) {
        value.textContent = "time is up";
        warn("Time is up. The answers saved until now are the ones that count.");
        window.clearInterval(handle);
      }
    }
    handle = window.setInterval(tick, 1000);
    tick();
  }

  document.querySelectorAll("form.answer-form[data-autosave-url]").forEach(setupAnswerForm);
  document.querySelectorAll("form.submit-form[data-attempt]").forEach(setupSubmitForm);
  document.querySelectorAll(".quiz-timer[data-deadline]").forEach(setupCountdown);
})();
