// Drag and drop, a list of the chosen files, problems found before the upload and "Checking …"
// said aloud: an enhancement only. Without JavaScript the form is a plain file input and a
// submit button, and the server answers a problem with the form again, its error summary on
// top. Here the same summary and the field's message are filled in, the same way (GOV.UK's
// and Designsystemet's pattern). Every text shown comes from the page (data-* attributes
// rendered from the message catalogue).
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  var input = document.getElementById("files");
  var drop = document.getElementById("drop");
  var list = document.getElementById("chosen");
  var summary = document.getElementById("error-summary");
  var errorList = document.getElementById("error-list");
  var fieldError = document.getElementById("files-error");
  var checking = document.getElementById("checking");
  var button = document.getElementById("submit");
  if (!form || !input || !drop || !list || !summary) return;
  var maxFiles = parseInt(form.dataset.maxFiles, 10);
  var maxBytes = parseInt(form.dataset.maxFileBytes, 10);
  var accepted = (form.dataset.accept || "").split(",");

  function size(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " kB";
  }

  function suffix(name) {
    var dot = name.lastIndexOf(".");
    return dot < 0 ? "" : name.slice(dot).toLowerCase();
  }

  // What is wrong with the chosen files, as the server would say it ("" when nothing is).
  function problem(files) {
    var i, tooLarge = [], wrongType = [];
    if (!files.length) return form.dataset.msgNoFile;
    if (files.length > maxFiles) return form.dataset.msgTooMany;
    for (i = 0; i < files.length; i++) {
      if (files[i].size > maxBytes) tooLarge.push(files[i].name);
      var end = suffix(files[i].name);
      if (/^\.[a-z]{2,5}$/.test(end) && accepted.indexOf(end) < 0) wrongType.push(files[i].name);
    }
    if (wrongType.length) return wrongType.join(", ") + ": " + form.dataset.msgWrongType;
    if (tooLarge.length) return tooLarge.join(", ") + ": " + form.dataset.msgTooLarge;
    return "";
  }

  function showProblem(message) {
    var describedBy = "files-hint";
    errorList.textContent = "";
    if (message) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#files";
      link.textContent = message;
      li.appendChild(link);
      errorList.appendChild(li);
      fieldError.textContent = message;
      describedBy += " files-error";
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
    fieldError.hidden = !message;
    summary.hidden = !message;
    drop.classList.toggle("has-error", !!message);
    input.setAttribute("aria-describedby", describedBy);
  }

  function listChosen() {
    var files = input.files, i;
    list.textContent = "";
    for (i = 0; i < files.length; i++) {
      var li = document.createElement("li");
      li.textContent = files[i].name + " (" + size(files[i].size) + ")";
      list.appendChild(li);
    }
  }

  // A link of the summary moves the focus to its field (a file input scrolled to is not focused).
  summary.addEventListener("click", function (event) {
    if (event.target.tagName === "A") { event.preventDefault(); input.focus(); }
  });

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
        listChosen();
      }
    });
  }
  input.addEventListener("change", listChosen);
  form.addEventListener("submit", function (event) {
    var message = problem(input.files);
    if (message) {
      event.preventDefault();
      showProblem(message);
      summary.focus();
      return;
    }
    button.disabled = true;
    button.dataset.label = button.dataset.label || button.textContent;
    button.textContent = form.dataset.msgChecking;
    if (checking) checking.textContent = form.dataset.msgChecking;  // a live region: said aloud
  });
  // Back from the report (the browser's page cache): the button works again.
  window.addEventListener("pageshow", function () {
    button.disabled = false;
    if (button.dataset.label) button.textContent = button.dataset.label;
    if (checking) checking.textContent = "";
  });
  // An error answer from the server: the summary has the focus (autofocus), in every browser.
  if (!summary.hidden) summary.focus();
})();
