// Drag and drop and a list of the chosen files: an enhancement only. Without JavaScript the
// form is a plain file input and a submit button, and works the same. Every text shown here
// comes from the page (data-* attributes rendered from the message catalogue).
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  var input = document.getElementById("files");
  var drop = document.getElementById("drop");
  var list = document.getElementById("chosen");
  var problem = document.getElementById("form-problem");
  var button = document.getElementById("submit");
  if (!form || !input || !drop || !list) return;
  var maxFiles = parseInt(form.dataset.maxFiles, 10);
  var maxBytes = parseInt(form.dataset.maxFileBytes, 10);

  function size(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " kB";
  }

  function check() {
    var files = input.files, i, tooLarge = [];
    list.textContent = "";
    for (i = 0; i < files.length; i++) {
      var li = document.createElement("li");
      li.textContent = files[i].name + " (" + size(files[i].size) + ")";
      list.appendChild(li);
      if (files[i].size > maxBytes) tooLarge.push(files[i].name);
    }
    var message = "";
    if (files.length > maxFiles) message = form.dataset.msgTooMany;
    else if (tooLarge.length) message = tooLarge.join(", ") + ": " + form.dataset.msgTooLarge;
    problem.textContent = message;
    problem.hidden = !message;
    return !message;
  }

  if ("DataTransfer" in window && "FileList" in window) {
    drop.classList.add("js");
    document.getElementById("drop-note").hidden = false;
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        check();
      }
    });
  }
  input.addEventListener("change", check);
  form.addEventListener("submit", function (event) {
    if (!check()) { event.preventDefault(); input.focus(); return; }
    button.disabled = true;
    button.dataset.label = button.dataset.label || button.textContent;
    button.textContent = form.dataset.msgChecking;
  });
  // Back from the report (the browser's page cache): the button works again.
  window.addEventListener("pageshow", function () {
    button.disabled = false;
    if (button.dataset.label) button.textContent = button.dataset.label;
  });
})();
