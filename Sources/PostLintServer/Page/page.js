// The staff page's behaviour (index.html); served from the binary as /page.js. No inline script,
// so the page's Content-Security-Policy allows scripts from this server only.
"use strict";
(() => {
  const CHECK_URL = "api/v1/check";  // relative: the page only ever talks to the server that served it
  const TYPING_DELAY_MS = 800;
  const LEVEL_ORDER = ["error", "warning", "note"];
  const LEVEL_WORDS = { error: "Error", warning: "Warning", note: "Note" };
  const LEVEL_ICONS = { error: "✖", warning: "▲", note: "ℹ" };
  const FORMAT_NAMES = { html: "HTML", markdown: "Markdown", text: "plain text" };
  const EXTENSION_FORMATS = {
    html: "html", htm: "html", xhtml: "html", md: "markdown", markdown: "markdown", mdown: "markdown",
    mkd: "markdown", txt: "text", text: "text", docx: "docx",
  };

  const $ = (id) => document.getElementById(id);
  const draft = $("draft"), backdrop = $("backdrop"), editor = $("editor"), formatSelect = $("format");
  const fileInput = $("file-input"), autoCheck = $("auto-check"), results = $("results");
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  const state = {
    file: null,          // { name, isDocx, blob? }: the file the draft came from, if any
    checked: null,       // { text, findings, problems, isDocx }: the latest report, positions in UTF-16
    lastText: "",        // the draft as last seen, to map highlights through an edit
    sequence: 0,         // answers to older requests are dropped
    controller: null,
    typingTimer: 0,
    activeIndex: -1,
    announced: "",
  };

  // ---- Positions -------------------------------------------------------------------------------
  // PostLint reports 1-based lines and columns in Unicode code points, end exclusive; lines end at
  // LF only (the CR of a CR LF is the line's last column). JavaScript strings index UTF-16 code units,
  // so an emoji is one column but two indices. (A textarea's value already has CR LF turned into LF.)

  function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
  }

  function utf16Index(text, starts, line, column) {
    if (line > starts.length) return text.length;
    let index = starts[Math.max(line, 1) - 1];
    const lineEnd = line < starts.length ? starts[line] - 1 : text.length;
    for (let remaining = column - 1; remaining > 0 && index < lineEnd; remaining--) {
      const unit = text.charCodeAt(index);
      index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < lineEnd ? 2 : 1;
    }
    return index;
  }

  // Edits carry line and column "when the source was available"; otherwise only UTF-8 byte offsets.
  function utf16IndexOfByte(text, byteOffset) {
    let bytes = 0, index = 0;
    while (index < text.length && bytes < byteOffset) {
      const codePoint = text.codePointAt(index);
      bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      index += codePoint > 0xffff ? 2 : 1;
    }
    return index;
  }

  function rangeOf(text, starts, item) {
    if (item.line !== undefined && item.column !== undefined) {
      return { start: utf16Index(text, starts, item.line, item.column),
               end: utf16Index(text, starts, item.endLine ?? item.line, item.endColumn ?? item.column) };
    }
    const start = utf16IndexOfByte(text, item.offset);
    return { start, end: utf16IndexOfByte(text, item.offset + item.length) };
  }

  // ---- Highlights --------------------------------------------------------------------------------
  // Findings may nest or cross (a name inside a sentence-long finding), so the text is cut at every
  // boundary and each piece is wrapped in the marks covering it, outermost first; a crossing finding
  // simply continues in a second mark. Every mark carries its finding's index.

  function renderHighlights() {
    const text = draft.value;
    const findings = state.checked && !state.checked.isDocx ? state.checked.findings : [];
    const ranges = findings.filter((f) => f.range).sort((a, b) =>
      a.range.start - b.range.start || b.range.end - a.range.end || a.index - b.index);
    const cuts = new Set([0, text.length]);
    for (const f of ranges) { cuts.add(f.range.start); cuts.add(f.range.end); }
    const points = [...cuts].sort((a, b) => a - b);

    const fragment = document.createDocumentFragment();
    let open = [];      // [{ finding, element }], outermost first
    let active = [];    // findings covering the current piece
    let next = 0;
    for (let k = 0; k < points.length; k++) {
      const point = points[k];
      active = active.filter((f) => f.range.end > point);
      const empty = [];
      for (; next < ranges.length && ranges[next].range.start === point; next++) {
        (ranges[next].range.end > point ? active : empty).push(ranges[next]);
      }
      active.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end || a.index - b.index);
      let common = 0;
      while (common < open.length && common < active.length && open[common].finding === active[common]) common++;
      open = open.slice(0, common);
      const container = () => (open.length ? open[open.length - 1].element : fragment);
      for (const f of empty) container().append(markFor(f, true));
      for (const f of active.slice(common)) {
        const element = markFor(f, false);
        container().append(element);
        open.push({ finding: f, element });
      }
      if (k + 1 < points.length) container().append(text.slice(point, points[k + 1]));
    }
    fragment.append(" ");  // gives a final empty line its height, as the textarea does
    backdrop.replaceChildren(fragment);
    markActive();
  }

  function markFor(finding, isEmpty) {
    const mark = document.createElement("mark");
    mark.className = `hl level-${finding.diag.level}` + (finding.diag.suppressed ? " suppressed" : "") +
      (isEmpty ? " empty" : "");
    mark.dataset.finding = finding.index;
    mark.dataset.rule = finding.diag.ruleId;
    return mark;
  }

  function placeFindings() {
    const { text, starts, findings } = state.checked;
    for (const f of findings) f.range = rangeOf(text, starts, f.diag);
  }

  // The one span an edit replaced: `before` and `after` agree outside [start, beforeEnd) and
  // [start, afterEnd) respectively (a paste, a fix, a typed letter are each one span).
  function changedSpan(before, after) {
    const shortest = Math.min(before.length, after.length);
    let start = 0;
    while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    let suffix = 0;
    while (suffix < shortest - start &&
           before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
    return { start, beforeEnd: before.length - suffix, afterEnd: after.length - suffix };
  }

  // Keeps the highlights on their words while the teacher edits, until the next check replaces them:
  // findings after the edit move with it, findings the edit touched lose their highlight.
  function mapThroughEdit(before, after) {
    if (!state.checked || state.checked.isDocx) return;
    const span = changedSpan(before, after), shift = after.length - before.length;
    for (const f of state.checked.findings) {
      if (!f.range || f.range.end <= span.start) continue;
      f.range = f.range.start >= span.beforeEnd ? { start: f.range.start + shift, end: f.range.end + shift } : null;
    }
  }

  // ---- Checking ----------------------------------------------------------------------------------

  function extensionOf(name) {
    const dot = name.lastIndexOf(".");
    return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
  }

  function sniffFormat(text) {
    const head = text.slice(0, 8192);
    const tags = head.match(/<\/?(p|div|span|h[1-6]|img|a|br|ul|ol|li|b|i|em|strong|section|article|table|figure|blockquote|body|head)\b[^<>]*>/gi) || [];
    if (/^\s*(<!doctype html|<html[\s>])/i.test(head) || tags.length >= 2) return "html";
    if (/^---\s*$/m.test(head.split("\n", 1)[0]) || /^(#{1,6} |\s*[-*+] |\s*\d+\. |> )/m.test(head) ||
        /\[[^\]\n]+\]\([^)\s]+\)|(\*\*|__)\S[^\n]*\S\1/.test(head)) return "markdown";
    return "text";
  }

  function resolvedFormat() {
    if (formatSelect.value !== "auto") return formatSelect.value;
    const fromName = state.file && EXTENSION_FORMATS[extensionOf(state.file.name)];
    return fromName && fromName !== "docx" ? fromName : sniffFormat(draft.value);
  }

  function updateDetectedFormat() {
    const auto = formatSelect.options[0];
    auto.textContent = draft.value.trim() ? `Detect automatically (${FORMAT_NAMES[resolvedFormat()]})`
                                          : "Detect automatically";
  }

  function buildRequest() {
    const headers = { Accept: "application/json" };
    if (state.file && state.file.isDocx) {
      const body = new FormData();
      body.append("file", state.file.blob, state.file.name);
      return { headers, body, text: null };
    }
    const text = draft.value;
    if (!text.trim()) return null;
    const payload = { content: text, format: resolvedFormat() };
    if (state.file) payload.filename = state.file.name;
    headers["Content-Type"] = "application/json";
    return { headers, body: JSON.stringify(payload), text };
  }

  async function check() {
    clearTimeout(state.typingTimer);
    const request = buildRequest();
    if (!request) {
      showNothingToCheck();
      return;
    }
    state.controller?.abort();
    const controller = new AbortController();
    state.controller = controller;
    const sequence = ++state.sequence;
    results.setAttribute("aria-busy", "true");
    results.dataset.state = "checking";

    let response, body;
    try {
      response = await fetch(CHECK_URL, {
        method: "POST", headers: request.headers, body: request.body, signal: controller.signal,
        credentials: "same-origin", cache: "no-store",
      });
      const raw = await response.text();
      try { body = JSON.parse(raw); } catch { body = null; }
    } catch (error) {
      if (error.name === "AbortError") return;
      if (sequence === state.sequence) {
        showFailure("The PostLint server could not be reached.",
                    "Check your connection (or whether the server is still running) and press Check again.");
      }
      return;
    }
    if (sequence !== state.sequence) return;
    if (!response.ok) {
      showServerError(response, body);
    } else if (!body || !Array.isArray(body.files) || body.files.length === 0) {
      showFailure("The server's answer could not be read.", "Press Check to try again.");
    } else {
      showReport(body.files[0], request.text);
    }
  }

  const STATUS_EXPLANATIONS = {
    400: "The server did not understand the request.",
    408: "The draft took too long to arrive.",
    413: "The draft is too large to check here.",
    415: "This kind of file cannot be checked here.",
    422: "PostLint could not read this draft.",
    503: "The server is busy checking other drafts: try again in a moment.",
  };

  function showServerError(response, body) {
    const message = body && body.error && body.error.message;
    const headline = STATUS_EXPLANATIONS[response.status] ||
      (response.status >= 500 ? "Something went wrong on the server." : "The server could not check the draft.");
    showFailure(headline, `${message || response.statusText || "No details were given."} (status ${response.status})`);
  }

  function finishCheck(stateName) {
    results.setAttribute("aria-busy", "false");
    results.dataset.state = stateName;
  }

  // Findings from an earlier check would be mistaken for this draft's, so they go.
  function showFailure(headline, detail) {
    state.checked = null;
    renderResults();
    renderHighlights();
    updateStaleNote();
    finishCheck("error");
    setSummary("failed", headline, detail);
    announce(`${headline} ${detail}`);
  }

  function showNothingToCheck() {
    state.controller?.abort();
    state.checked = null;
    state.sequence++;
    finishCheck("empty");
    renderResults();
    renderHighlights();
    setSummary("", "Nothing to check yet", "Paste or open a draft, then press Check.");
  }

  function showReport(file, text) {
    const isDocx = text === null;
    const starts = isDocx ? null : lineStarts(text);
    const findings = (file.diagnostics || []).map((diag, index) => ({ diag, index, range: null }));
    state.checked = { text, isDocx, findings, problems: file.problems || [], starts };
    if (!isDocx) {
      placeFindings();
      // The teacher may have typed while the server was checking: follow those edits too.
      if (draft.value !== text) mapThroughEdit(text, draft.value);
    }
    state.activeIndex = -1;
    renderResults();
    renderHighlights();

    // The headline answers the teacher's question, "can I publish this?", in plain words: errors
    // (and drafts that could not be read) must be fixed; warnings and notes are for a person to
    // review, and do not stop the post.
    const open = findings.filter((f) => !f.diag.suppressed);
    const blocking = state.checked.problems.filter((p) => p.severity === "error");
    const readingWarnings = state.checked.problems.length - blocking.length;
    const suppressedCount = findings.length - open.length;
    const suppressedNote = suppressedCount
      ? ` ${plural(suppressedCount, "finding was", "findings were")} already approved in the draft and ${suppressedCount === 1 ? "is" : "are"} not counted.` : "";
    const count = (level) => open.filter((f) => f.diag.level === level).length;
    const toFix = count("error") + blocking.length;
    const toReview = [plural(count("warning"), "warning", "warnings"), plural(count("note"), "note", "notes"),
                      plural(readingWarnings, "problem reading the draft", "problems reading the draft")]
      .filter((words) => !words.startsWith("0 "));
    if (toFix === 0 && toReview.length === 0) {
      finishCheck("ready");
      setSummary("ready", "✔ Ready to publish", `PostLint found nothing to change.${suppressedNote}`);
      announce(`Ready to publish. PostLint found nothing to change.${suppressedNote}`);
    } else if (toFix === 0) {
      finishCheck("review");
      const headline = `✔ Ready to publish — ${joinWords(toReview)} to review`;
      const detail = "Nothing has to change. Read each one below: change the words, or keep them if they are right.";
      setSummary("review", headline, detail + suppressedNote);
      announce(`${headline.slice(2)}.${suppressedNote}`);
    } else {
      finishCheck("findings");
      const headline = `${plural(toFix, "problem", "problems")} to fix before publishing`;
      const kinds = blocking.length === 0 ? "" : `: ${joinWords([plural(count("error"), "error", "errors"),
        plural(blocking.length, "problem reading the draft", "problems reading the draft")].filter((w) => !w.startsWith("0 ")))}`;
      const detail = `The post must not be published until ${toFix === 1 ? "it is" : "they are"} fixed${kinds}` +
        (toReview.length ? `; then look at the ${joinWords(toReview)} too.` : ".");
      setSummary("not-ready", headline, detail + suppressedNote);
      announce(`${headline}.${suppressedNote}`);
    }
    updateStaleNote();
  }

  function plural(count, one, many) { return `${count} ${count === 1 ? one : many}`; }
  function joinWords(words) {
    return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
  }

  // Shown only: screen readers hear results through the one live region (announce), which exists
  // from the start, so nothing is read twice.
  function setSummary(kind, headline, detail) {
    const summary = $("summary");
    summary.className = `summary ${kind}`;
    const first = document.createElement("p");
    first.className = "headline";
    first.textContent = headline;
    const second = document.createElement("p");
    second.textContent = detail;
    summary.replaceChildren(first, second);
  }

  // The live region repeats nothing while the teacher types and the results stay the same.
  function announce(message) {
    if (message === state.announced) return;
    state.announced = message;
    $("announcer").textContent = message;
  }

  // ---- Findings list ------------------------------------------------------------------------------

  function renderResults() {
    const checked = state.checked;
    const findings = checked ? checked.findings : [];
    // What blocks publishing first; the same level in the draft's order.
    const open = findings.filter((f) => !f.diag.suppressed)
      .sort((a, b) => LEVEL_ORDER.indexOf(a.diag.level) - LEVEL_ORDER.indexOf(b.diag.level) || a.index - b.index);
    $("findings").replaceChildren(...open.map(findingItem));
    const suppressed = findings.filter((f) => f.diag.suppressed);
    $("suppressed-findings").replaceChildren(...suppressed.map(findingItem));
    $("suppressed-group").hidden = suppressed.length === 0;
    $("suppressed-summary").textContent =
      `${plural(suppressed.length, "suppressed finding", "suppressed findings")} (approved in the draft with a postlint-disable comment; they do not stop the post)`;
    const problems = checked ? checked.problems : [];
    $("problem-list").replaceChildren(...problems.map(problemItem));
    $("problems").hidden = problems.length === 0;
  }

  function findingItem(finding) {
    const { diag } = finding;
    const item = document.createElement("li");
    item.className = `finding level-${diag.level}` + (diag.suppressed ? " suppressed" : "");
    item.id = `finding-${finding.index}`;
    item.dataset.rule = diag.ruleId;
    item.dataset.finding = finding.index;

    const head = element("div", "head");
    head.append(element("span", "level", `${LEVEL_ICONS[diag.level] || ""} ${diag.suppressed ? "Suppressed" : LEVEL_WORDS[diag.level] || diag.level}`),
                element("span", "title", diag.title || diag.ruleId),
                element("code", "rule", diag.ruleId));
    item.append(head, element("p", "message", sentence(diag.message)));

    if (diag.help) item.append(labelled("How to fix", diag.help, "help"));
    if (diag.policy) item.append(labelled("Policy", diag.policy, "policy"));

    const actions = element("div", "actions");
    if (finding.range) {
      const show = element("button", "show", `Show in draft (line ${diag.line})`);
      show.type = "button";
      show.setAttribute("aria-label", `Show “${diag.snippet}” in the draft, line ${diag.line}`);
      show.addEventListener("click", () => showInDraft(finding));
      actions.append(show);
    } else {
      const where = diag.logicalLocation ? capitalise(diag.logicalLocation) : `Line ${diag.line}, column ${diag.column}`;
      actions.append(element("span", "where", `${where}: “${diag.snippet}”`));
    }
    if (diag.fix && !state.checked.isDocx && !diag.suppressed) {
      const apply = element("button", "apply", "Apply fix");
      apply.type = "button";
      apply.title = diag.fix.description;
      apply.setAttribute("aria-label", `Apply fix: ${diag.fix.description}`);
      apply.addEventListener("click", () => applyFix(finding));
      actions.append(apply);
      actions.append(element("span", "fix-description", diag.fix.description));
    }
    if (actions.childElementCount) item.append(actions);
    item.addEventListener("click", (event) => {
      if (!event.target.closest("button")) setActive(finding.index, { scrollDraft: true });
    });
    return item;
  }

  function problemItem(problem) {
    const item = element("li", `severity-${problem.severity}`);
    const where = problem.line ? ` (line ${problem.line}${problem.column ? `, column ${problem.column}` : ""})` : "";
    item.append(element("strong", "", `${problem.severity === "error" ? "Error" : "Warning"}${where}: `),
                withCode(sentence(problem.message)));
    if (problem.line && !state.checked.isDocx) {
      const show = element("button", "show", "Show in draft");
      show.type = "button";
      show.setAttribute("aria-label", `Show line ${problem.line} in the draft`);
      show.addEventListener("click", () => {
        const at = utf16Index(state.checked.text, state.checked.starts, problem.line, problem.column || 1);
        draft.focus();
        draft.setSelectionRange(at, at);
      });
      item.append(" ", show);
    }
    return item;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function labelled(label, text, className) {
    const paragraph = element("p", className);
    paragraph.append(element("strong", "", `${label}: `), withCode(text));
    return paragraph;
  }

  // Rule help quotes settings and commands in backticks; show those as code, everything else as text.
  function withCode(text) {
    const fragment = document.createDocumentFragment();
    text.split("`").forEach((part, i) => fragment.append(i % 2 ? element("code", "", part) : part));
    return fragment;
  }

  function capitalise(text) { return text.charAt(0).toUpperCase() + text.slice(1); }
  function sentence(text) { return /[.!?]$/.test(text) ? capitalise(text) : `${capitalise(text)}.`; }

  // ---- Finding <-> highlight -------------------------------------------------------------------

  function setActive(index, { scrollDraft = false, scrollList = false } = {}) {
    state.activeIndex = index;
    for (const card of results.querySelectorAll(".finding.active")) card.classList.remove("active");
    const card = $(`finding-${index}`);
    if (card) {
      card.classList.add("active");
      if (card.closest("details")) card.closest("details").open = true;
      if (scrollList) card.scrollIntoView({ block: "nearest", behavior: scrollBehaviour() });
    }
    markActive();
    if (scrollDraft) {
      const mark = backdrop.querySelector(`mark[data-finding="${index}"]`);
      if (mark) mark.scrollIntoView({ block: "center", behavior: scrollBehaviour() });
    }
  }

  function markActive() {
    for (const mark of backdrop.querySelectorAll("mark.active")) mark.classList.remove("active");
    for (const mark of backdrop.querySelectorAll(`mark[data-finding="${state.activeIndex}"]`)) mark.classList.add("active");
  }

  function scrollBehaviour() { return reducedMotion.matches ? "auto" : "smooth"; }

  function showInDraft(finding) {
    if (!finding.range) return;
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(finding.range.start, finding.range.end);
    setActive(finding.index, { scrollDraft: true });
  }

  // The cursor on a highlight brings its finding into view (the innermost one when they nest).
  function followCursor() {
    if (!state.checked || state.checked.isDocx) return;
    const at = draft.selectionStart;
    const under = state.checked.findings
      .filter((f) => f.range && f.range.start <= at && at < Math.max(f.range.end, f.range.start + 1))
      .sort((a, b) => (a.range.end - a.range.start) - (b.range.end - b.range.start));
    if (under.length && under[0].index !== state.activeIndex) setActive(under[0].index, { scrollList: true });
  }

  // ---- Fixes --------------------------------------------------------------------------------------

  function applyFix(finding) {
    const text = draft.value;
    if (!state.checked || state.checked.text !== text) return;  // the edits refer to the checked text
    const edits = finding.diag.fix.edits
      .map((edit) => ({ ...rangeOf(text, state.checked.starts, edit), replacement: edit.replacement }))
      .sort((a, b) => b.start - a.start);  // from the end, so earlier positions stay valid
    let fixed = text;
    for (const edit of edits) fixed = fixed.slice(0, edit.start) + edit.replacement + fixed.slice(edit.end);
    replaceDraft(fixed);
    announce(`Fix applied: ${finding.diag.fix.description}. Checking again.`);
    check();
  }

  // Replaces only the part that changed, through the editing commands where the browser has them, so
  // Ctrl+Z undoes an applied fix like any other edit.
  function replaceDraft(next) {
    const span = changedSpan(draft.value, next);
    const inserted = next.slice(span.start, span.afterEnd);
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(span.start, span.beforeEnd);
    const done = inserted ? document.execCommand("insertText", false, inserted) : document.execCommand("delete");
    if (!done || draft.value !== next) draft.value = next;
    draftChanged();
  }

  // ---- Draft events -------------------------------------------------------------------------------

  function draftChanged() {
    const text = draft.value;
    if (text === state.lastText) return;
    if (state.checked && !state.checked.isDocx && text === state.checked.text) {
      placeFindings();  // back to the checked text (an undo): the reported positions hold again
    } else {
      mapThroughEdit(state.lastText, text);
    }
    state.lastText = text;
    renderHighlights();
    updateDetectedFormat();
    updateStaleNote();
    clearTimeout(state.typingTimer);
    if (!text.trim()) {
      state.file = null;  // an emptied draft starts afresh: its format is no longer the file's
      showNothingToCheck();
    } else if (autoCheck.checked) {
      state.typingTimer = setTimeout(check, TYPING_DELAY_MS);
    }
  }

  // Fixes apply to the text that was checked; after an edit the findings wait for the next check.
  function updateStaleNote() {
    const checked = state.checked;
    const stale = !!checked && !checked.isDocx && checked.text !== draft.value;
    const note = $("stale");
    note.hidden = !stale;
    note.textContent = autoCheck.checked ? "The draft has changed: checking again when you pause typing."
                                         : "The draft has changed since it was checked: press Check to see what is left.";
    for (const button of results.querySelectorAll("button.apply")) button.disabled = stale;
  }

  // Replacing the whole draft (select all, paste) starts a new one: the opened file's name no longer
  // tells its format.
  draft.addEventListener("beforeinput", () => {
    if (state.file && draft.value && draft.selectionStart === 0 && draft.selectionEnd === draft.value.length) {
      state.file = null;
    }
  });
  draft.addEventListener("input", draftChanged);
  for (const type of ["click", "keyup", "select"]) draft.addEventListener(type, followCursor);
  draft.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      check();
    }
  });
  $("check").addEventListener("click", check);
  formatSelect.addEventListener("change", () => { updateDetectedFormat(); if (draft.value.trim()) check(); });
  autoCheck.addEventListener("change", () => {
    if (!autoCheck.checked) clearTimeout(state.typingTimer);  // "stop checking as I type" includes the pending one
    updateStaleNote();
  });

  // ---- Files ----------------------------------------------------------------------------------------

  $("open-file").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    if (fileInput.files.length) openFile(fileInput.files[0]);
    fileInput.value = "";  // choosing the same file again (after editing it in Word) reloads it
  });

  // Any file dropped anywhere is opened, never navigated to: navigating away would lose the draft.
  document.addEventListener("dragover", (event) => {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    editor.classList.add("dropping");
  });
  document.addEventListener("dragleave", (event) => {
    if (!event.relatedTarget) editor.classList.remove("dropping");
  });
  document.addEventListener("drop", (event) => {
    editor.classList.remove("dropping");
    if (!event.dataTransfer.files.length) return;
    event.preventDefault();
    openFile(event.dataTransfer.files[0]);
  });

  async function openFile(file) {
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      showFailure("This file could not be opened.", "It may have been moved or be open elsewhere. Choose it again.");
      return;
    }
    // A Word document is a zip file whatever its name says; the server reads it (and refuses other zips).
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    if (isZip || EXTENSION_FORMATS[extensionOf(file.name)] === "docx") {
      state.file = { name: file.name, isDocx: true, blob: file };
      showDocxMode(true);
      check();
      return;
    }
    const text = decodeText(bytes);
    if (text === null) {
      showFailure("This file cannot be checked.", "PostLint reads HTML, Markdown, plain-text and Word (.docx) files.");
      return;
    }
    state.file = { name: file.name, isDocx: false };
    showDocxMode(false);
    draft.value = text;
    draftChanged();
    check();
  }

  // Drafts are UTF-8 or UTF-16 with a byte-order mark, or older Windows files (Windows-1252).
  function decodeText(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
    if (bytes.subarray(0, 8192).includes(0)) return null;  // binary: a PDF, an image…
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder("windows-1252").decode(bytes);
    }
  }

  function showDocxMode(on) {
    $("docx").hidden = !on;
    editor.hidden = on;
    $("draft-hint").hidden = on;
    formatSelect.disabled = on;
    if (on) $("docx-name").textContent = state.file.name;
  }

  $("leave-docx").addEventListener("click", () => {
    state.file = null;
    showDocxMode(false);
    draft.focus();
    if (draft.value.trim()) check(); else showNothingToCheck();
  });

  // ---- The rule catalogue, fetched the first time someone opens "What PostLint checks" -------------

  $("rules").addEventListener("toggle", async () => {
    const list = $("rule-list");
    if (!$("rules").open || list.dataset.loaded) return;
    list.dataset.loaded = "yes";
    try {
      const response = await fetch("api/v1/rules", { headers: { Accept: "application/json" }, cache: "no-store" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const rules = await response.json();
      list.replaceChildren(...rules.map((rule) => {
        const entry = element("div", "rule-entry");
        const heading = element("h3", "", `${rule.title} `);
        heading.append(element("code", "", rule.id));
        entry.append(heading, element("p", "", rule.explanation));
        if (rule.policy) entry.append(labelled("Policy", `§${rule.policy.section} ${rule.policy.heading}: “${rule.policy.text}”`, "policy"));
        return entry;
      }));
    } catch {
      delete list.dataset.loaded;
      list.replaceChildren(element("p", "", "The list of checks could not be loaded. Close and open this section to try again."));
    }
  });

  updateDetectedFormat();
})();
