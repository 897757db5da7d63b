// app.js: the page's behaviour (secannex serve): the form as a profile file, the live table from
// /api/resolve (decisions per row, 附表十 controls expandable), the 附表九 grade from /api/grade,
// downloads; the catalog browser (/api/catalog, /api/baseline, /api/duties); the diff page
// (/api/diff).  Vanilla JavaScript; every request to the app's own API; the server decides.
"use strict";
const NS = "urn:secannex:profile:1";
const STATUS = { "required": "納入", "selected": "選用", "not-selected": "未選用", "excluded": "不納入",
	"pending-ciso": "待資安長決定", "not-applicable": "不適用" };
const DOCS = [["annex", "招標文件附件", ["docx", "odt"]], ["review", "內部簽辦審查表", ["docx", "odt"]],
	["matrix", "廠商需求符合性對照表", ["docx", "odt", "xlsx", "csv"]]];
const DIMS = ["confidentiality", "integrity", "availability", "legal"];
const GRADES = [["high", "高"], ["medium", "中"], ["normal", "普"]];
const FIELDS = { "agency": "<agency>", "case": "<case>", "title": "<title>", "date": "<date>",
	"scan-risk": '<blank name="scan-risk-level">' };
const decisions = new Map(); // row id -> { kind: "choose"|"exclude"|"ciso-confirm"|"ciso-decline", reason }
const opened = new Set(); // rows whose 附表十 controls are shown
let seq = 0, gradeSeq = 0;
let catalog = null; // /api/catalog (the export JSON), loaded once

const $ = (id) => document.getElementById(id);

function status(text, error) {
	$("status").textContent = text;
	$("status").className = error ? "error" : "";
}

// The form and the decisions as a profile file (urn:secannex:profile:1), built through the DOM.
function profileXml() {
	const doc = document.implementation.createDocument(NS, "profile", null);
	const root = doc.documentElement;
	const el = (parent, name, text) => {
		const e = doc.createElementNS(NS, name);
		if (text !== undefined) e.textContent = text;
		parent.appendChild(e);
		return e;
	};
	el(root, "type", $("type").value);
	const t = el(root, "tender");
	for (const f of ["agency", "case", "title", "date"])
		if ($(f).value.trim()) el(t, f, $(f).value.trim());
	if (!t.firstChild) root.removeChild(t);
	el(root, "agency-level", $("level").value);
	el(root, "agency-kind", $("kind").value);
	if (document.querySelector("input[name=grade-by]:checked").value === "dims") {
		const d = el(root, "dimensions");
		for (const f of DIMS) el(d, f, dim(f));
	} else {
		el(root, "grade", $("grade").value);
	}
	if ($("baseline").value) el(root, "baseline-grade", $("baseline").value);
	el(root, "personal-data", $("personal-data").checked ? "yes" : "no");
	el(root, "special-procurement", $("special-procurement").checked ? "yes" : "no");
	if ($("scan-risk").value.trim()) el(root, "blank", $("scan-risk").value.trim()).setAttribute("name", "scan-risk-level");
	if (decisions.size) {
		const ds = el(root, "decisions");
		for (const [id, d] of decisions) {
			const e = el(ds, d.kind, d.reason || undefined);
			e.setAttribute("ref", id);
		}
	}
	indent(doc, root, 1);
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc) + "\n";
}

// One element a line (an error's line then names the field, and a saved profile reads well).
function indent(doc, e, depth) {
	const kids = Array.from(e.children);
	if (!kids.length) return;
	for (const k of kids) {
		e.insertBefore(doc.createTextNode("\n" + "  ".repeat(depth)), k);
		indent(doc, k, depth + 1);
	}
	e.appendChild(doc.createTextNode("\n" + "  ".repeat(depth - 1)));
}

// The grade chosen for dimension F (high, medium, normal).
function dim(f) {
	const r = document.querySelector("input[name=dim-" + f + "]:checked");
	return r ? r.value : "medium";
}

function post(path, body) {
	return fetch(path, { method: "POST", body: body, headers: { "X-Secannex-Request": "1",
		"Content-Type": "application/xml" } });
}

async function errorText(r) {
	try {
		const j = await r.json();
		return j.error + (j.line ? "（第 " + j.line + " 行）" : "");
	} catch (e) {
		return "HTTP " + r.status;
	}
}

// The server's errors about a field of the form (the line of its element in XML), beside it.
function fieldErrors(xml, j) {
	const lines = xml.split("\n");
	for (const [id, tag] of Object.entries(FIELDS)) {
		const at = lines.findIndex((l) => l.includes(tag)) + 1;
		const ds = (j && j.diagnostics || []).filter((d) => d.level === "error" && at > 0 && d.line === at);
		$(id + "-error").textContent = ds.map((d) => d.message).join("；");
	}
}

// The decision control of row IT: a tick for ◎, a reason for ●, confirm/decline for ▲.
function control(it) {
	const td = document.createElement("td");
	const d = decisions.get(it.id);
	if (it.mark === "◎" && (it.status === "selected" || it.status === "not-selected")) {
		const c = document.createElement("input");
		c.type = "checkbox";
		c.checked = !!d && d.kind === "choose";
		c.title = "選用";
		c.dataset.row = it.id;
		c.addEventListener("change", () => { c.checked ? decisions.set(it.id, { kind: "choose" }) :
			decisions.delete(it.id); update(); });
		td.append(c, " 選用");
	} else if (it.mark === "●" && (it.status === "required" || it.status === "excluded")) {
		const r = document.createElement("input");
		r.type = "text";
		r.placeholder = "不納入之理由";
		r.value = d && d.kind === "exclude" ? d.reason : "";
		r.dataset.row = it.id;
		r.addEventListener("change", () => { r.value.trim() ? decisions.set(it.id, { kind: "exclude",
			reason: r.value.trim() }) : decisions.delete(it.id); update(); });
		td.append(r);
	} else if (it.mark === "▲") {
		const s = document.createElement("select");
		s.dataset.row = it.id;
		for (const [v, l] of [["", "待決"], ["ciso-confirm", "資安長確認納入"], ["ciso-decline", "資安長決定不納入"]])
			s.add(new Option(l, v, false, d ? d.kind === v : v === ""));
		const r = document.createElement("input");
		r.type = "text";
		r.placeholder = "不納入之理由";
		r.hidden = !(d && d.kind === "ciso-decline");
		r.value = d && d.reason ? d.reason : "";
		const set = () => {
			r.hidden = s.value !== "ciso-decline";
			if (!s.value) decisions.delete(it.id);
			else if (s.value === "ciso-confirm") decisions.set(it.id, { kind: "ciso-confirm" });
			else if (r.value.trim()) decisions.set(it.id, { kind: "ciso-decline", reason: r.value.trim() });
			else return;
			update();
		};
		s.addEventListener("change", set);
		r.addEventListener("change", set);
		td.append(s, " ", r);
	}
	return td;
}

// The 附表十 controls of row IT at the tender's baseline grade G, in a <details> that stays open
// across updates.
function controls(it, g) {
	const det = document.createElement("details");
	det.className = "controls";
	det.open = opened.has(it.id);
	det.addEventListener("toggle", () => { det.open ? opened.add(it.id) : opened.delete(it.id); });
	const sum = document.createElement("summary");
	sum.textContent = "附表十控制措施（等級「" + g + "」，" + it.baseline_controls.length + " 項）";
	det.append(sum, baselineList(it.baseline_controls));
	return det;
}

// Controls as baseline --format json gives them: by measure, each entry with its number; entries
// included from a lower grade indented under the entry that includes them.
function baselineList(list) {
	const dl = document.createElement("dl");
	dl.className = "baseline";
	let measure = null;
	for (const c of list) {
		if (c.measure !== measure) {
			measure = c.measure;
			const dt = document.createElement("dt");
			dt.textContent = c.measure_name;
			dl.appendChild(dt);
		}
		const dd = document.createElement("dd");
		dd.className = "depth-" + Math.min(c.depth, 3);
		dd.textContent = (c.n ? c.n + "、" : "") + c.text;
		dl.appendChild(dd);
	}
	return dl;
}

function table(res) {
	const tb = document.querySelector("#rows tbody");
	tb.textContent = "";
	for (const it of res.items) {
		const tr = document.createElement("tr");
		tr.className = it.status;
		tr.id = "row-" + it.id;
		for (const [text, cls] of [[it.id, "id"], [it.group, "group"], [it.text, "text"], [it.mark, "mark"],
			[STATUS[it.status] || it.status, "st"], [it.reason]]) {
			const td = document.createElement("td");
			td.textContent = text === null || text === undefined ? "" : text;
			if (cls) td.className = cls;
			tr.appendChild(td);
		}
		if (it.baseline_controls && it.baseline_controls.length)
			tr.children[2].appendChild(controls(it, res.baseline_grade.name));
		tr.appendChild(control(it));
		tb.appendChild(tr);
	}
	// rows with a blank left unfilled (resolve's warnings): said here in 正體中文, from the rows
	const open = res.items.filter((it) => it.unfilled_blanks > 0).map((it) => it.id);
	$("warnings").textContent = open.length ? "注意：下列項目尚有空格未填，文件中將保留「___」供填寫：" +
		open.join("、") + "。" : "";
	const c = res.counts;
	$("counts").textContent = res.type.name + "，等級「" + res.grade.name + "」：納入 " + c.required +
		" 項、選用 " + c.selected + " 項、未選用 " + c["not-selected"] + " 項、不納入 " + c.excluded +
		" 項、待資安長決定 " + c["pending-ciso"] + " 項。";
}

// Resolve the form as it stands; an older answer arriving late is dropped.
async function update() {
	const mine = ++seq;
	const xml = profileXml();
	const r = await post("/api/resolve", xml);
	if (mine !== seq) return;
	if (!r.ok) {
		let j = null;
		try { j = await r.json(); } catch (e) { j = null; }
		fieldErrors(xml, j);
		status(j ? j.error + (j.line ? "（設定檔第 " + j.line + " 行）" : "") : "HTTP " + r.status, true);
		return;
	}
	fieldErrors(xml, null);
	table(await r.json());
	status("已更新。", false);
}

function save(blob, name) {
	const a = document.createElement("a");
	a.href = URL.createObjectURL(blob);
	a.download = name;
	document.body.appendChild(a);
	a.click();
	setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

async function download(doc, fmt) {
	let q = "/api/generate?document=" + doc + "&format=" + fmt + ($("draft").checked ? "&draft=1" : "");
	if ($("label").value.trim()) q += "&label=" + encodeURIComponent($("label").value.trim());
	if (doc === "matrix" && $("matrix-detail").value === "controls") q += "&matrix-detail=controls";
	const r = await post(q, profileXml());
	if (!r.ok) {
		status(await errorText(r), true);
		return;
	}
	save(await r.blob(), doc + "." + fmt);
	status("已下載 " + doc + "." + fmt + "。", false);
}

// A profile file read back into the form (what the page does not show is ignored).
function load(text) {
	const doc = new DOMParser().parseFromString(text, "application/xml");
	const one = (name) => { const e = doc.getElementsByTagNameNS(NS, name)[0]; return e ? e.textContent.trim() : null; };
	if (doc.getElementsByTagName("parsererror").length || !one("type")) {
		status("設定檔無法讀取。", true);
		return;
	}
	$("type").value = one("type");
	for (const f of ["agency", "case", "title", "date"]) $(f).value = one(f) || "";
	if (one("agency-level")) $("level").value = one("agency-level").replace(/級$/, "").toUpperCase();
	if (one("agency-kind")) $("kind").value = /special|特定/.test(one("agency-kind")) ? "special" : "public";
	const dims = doc.getElementsByTagNameNS(NS, "dimensions").length > 0;
	document.querySelector("input[name=grade-by][value=" + (dims ? "dims" : "grade") + "]").checked = true;
	const g = (v) => ({ high: "高", medium: "中", normal: "普" })[v] || (v || "").replace(/級$/, "");
	const en = (v) => ({ "高": "high", "中": "medium", "普": "normal" })[g(v)] || "medium";
	if (dims) for (const f of DIMS) document.querySelector("input[name=dim-" + f + "][value=" + en(one(f)) + "]").checked = true;
	else if (one("grade")) $("grade").value = g(one("grade"));
	$("baseline").value = one("baseline-grade") ? g(one("baseline-grade")) : "";
	$("personal-data").checked = /^(yes|是)$/.test(one("personal-data") || "");
	$("special-procurement").checked = /^(yes|是)$/.test(one("special-procurement") || "");
	const blank = Array.from(doc.getElementsByTagNameNS(NS, "blank")).find((b) => b.getAttribute("name") === "scan-risk-level");
	$("scan-risk").value = blank ? blank.textContent.trim() : "";
	decisions.clear();
	for (const kind of ["choose", "exclude", "ciso-confirm", "ciso-decline"])
		for (const e of doc.getElementsByTagNameNS(NS, kind))
			decisions.set(e.getAttribute("ref"), { kind: kind, reason: e.textContent.trim() || undefined });
	gradeMode();
	update();
}

function gradeMode() {
	const dims = document.querySelector("input[name=grade-by]:checked").value === "dims";
	$("grade-dims").hidden = !dims;
	$("grade-direct").hidden = dims;
	if (dims) gradeOf();
}

// The four 附表九 dimensions, each choice with its criterion (the export's grading, verbatim).
function dimsForm() {
	const tb = document.querySelector("#dims tbody");
	for (const d of catalog.grading.dimensions) {
		const tr = document.createElement("tr");
		const th = document.createElement("th");
		th.textContent = d.name;
		tr.appendChild(th);
		for (const [g, name] of GRADES) {
			const td = document.createElement("td");
			const l = document.createElement("label");
			const r = document.createElement("input");
			r.type = "radio";
			r.name = "dim-" + d.id;
			r.value = g;
			r.id = "dim-" + d.id + "-" + g;
			r.checked = g === "medium";
			const b = document.createElement("b");
			b.textContent = name;
			const t = document.createElement("span");
			t.className = "criterion";
			t.textContent = d[g];
			l.append(r, " ", b, "：", t);
			td.appendChild(l);
			tr.appendChild(td);
		}
		tb.appendChild(tr);
	}
	const rule = document.createElement("p");
	rule.className = "note";
	rule.textContent = catalog.grading.remark;
	$("grade-dims").insertBefore(rule, $("grade-result"));
}

// The system grade of the four dimensions, as the server computes it (secannex grade).
async function gradeOf() {
	const mine = ++gradeSeq;
	const r = await fetch("/api/grade?" + DIMS.map((f) => f + "=" + dim(f)).join("&"));
	if (mine !== gradeSeq) return;
	if (!r.ok) {
		$("grade-result").textContent = await errorText(r);
		return;
	}
	const j = await r.json();
	const by = j.dimensions.filter((d) => d.sets_grade).map((d) => d.name).join("、");
	$("grade-result").textContent = "系統防護需求等級：" + j.name + "（由" + by + "構面決定，取四構面之最高者）";
	$("grade-result").dataset.grade = j.name;
}

// ---- the catalog browser ----

const MARKS = (m) => m === undefined || m === null ? "" : m;

function browseType() {
	const t = catalog.types.find((x) => x.id === $("b-type").value);
	const tb = document.querySelector("#b-rows tbody");
	tb.textContent = "";
	if (!t) return;
	$("b-type-note").textContent = t.name + "：共 " + t.rows + " 項（一覽表第 " + t.pages + " 頁）";
	for (const it of t.items) {
		const tr = document.createElement("tr");
		tr.id = "b-row-" + it.id;
		for (const [text, cls] of [[it.id, "id"], [it.group, "group"], [it.text, "text"],
			[MARKS(it.marks.high), "mark"], [MARKS(it.marks.medium), "mark"], [MARKS(it.marks.normal), "mark"],
			[areaNames(it.baseline_areas), "areas"]]) {
			const td = document.createElement("td");
			td.textContent = text;
			td.className = cls;
			tr.appendChild(td);
		}
		GRADES.forEach(([g], k) => {
			if (!it.tiers || !it.tiers[g]) return;
			const sm = document.createElement("small");
			sm.textContent = typeof it.tiers[g] === "string" ? it.tiers[g] : JSON.stringify(it.tiers[g]);
			tr.children[3 + k].appendChild(sm);
		});
		if (it.note) {
			const p = document.createElement("p");
			p.className = "note";
			p.textContent = "備註：" + it.note;
			tr.children[2].appendChild(p);
		}
		tb.appendChild(tr);
	}
}

function areaNames(ids) {
	return (ids || []).map((id) => (catalog.baseline.areas.find((a) => a.id === id) || { name: id }).name).join("、");
}

async function browseBaseline() {
	const r = await fetch("/api/baseline?grade=" + encodeURIComponent($("b-grade").value));
	const div = $("b-baseline");
	div.textContent = "";
	if (!r.ok) {
		div.textContent = await errorText(r);
		return;
	}
	const list = await r.json();
	for (const a of catalog.baseline.areas) {
		const mine = list.filter((c) => c.area === a.id);
		if (!mine.length) continue;
		const h = document.createElement("h3");
		h.textContent = a.name;
		div.append(h, baselineList(mine));
	}
}

async function browseDuties() {
	const r = await fetch("/api/duties?level=" + $("b-level").value + "&kind=" + $("b-kind").value);
	const tb = document.querySelector("#b-duties tbody");
	tb.textContent = "";
	if (!r.ok) {
		$("b-duties-title").textContent = await errorText(r);
		return;
	}
	const t = await r.json();
	$("b-duties-title").textContent = t.label + "　" + t.title;
	for (const it of t.items) {
		const tr = document.createElement("tr");
		for (const [text, cls] of [[it.aspect, "aspect"], [it.name, "name"]]) {
			const td = document.createElement("td");
			td.textContent = text;
			td.className = cls;
			tr.appendChild(td);
		}
		const td = document.createElement("td");
		for (const c of it.content) {
			const p = document.createElement("p");
			p.textContent = (c.n ? c.n + "、" : "") + c.text;
			td.appendChild(p);
		}
		for (const d of it.details || []) {
			const p = document.createElement("p");
			p.className = "detail";
			const b = document.createElement("b");
			b.textContent = d.name;
			p.append(b, (d.content || []).length ? "：" : "",
				(d.content || []).map((c) => (c.n ? c.n + "、" : "") + c.text).join(""));
			td.appendChild(p);
		}
		tr.appendChild(td);
		tb.appendChild(tr);
	}
	$("b-duties-remarks").textContent = "";
	for (const r of t.remarks || []) {
		const p = document.createElement("p");
		p.className = "note";
		p.textContent = (r.n ? r.n + "、" : "") + r.text;
		$("b-duties-remarks").appendChild(p);
	}
}

// ---- the diff page ----

async function diff() {
	const o = $("diff-old").files[0], n = $("diff-new").files[0];
	const say = (t, err) => { $("diff-status").textContent = t; $("diff-status").className = err ? "error" : ""; };
	if (!o || !n) {
		say("請選擇現行版本及修正版本兩個一覽表檔案。", true);
		return;
	}
	const fd = new FormData();
	fd.append("old", o);
	fd.append("new", n);
	const doc = $("diff-doc").value, fmt = $("diff-format").value;
	const r = await fetch("/api/diff?document=" + doc + "&format=" + fmt, { method: "POST", body: fd,
		headers: { "X-Secannex-Request": "1" } });
	if (!r.ok) {
		say(await errorText(r), true);
		return;
	}
	const name = (doc === "table" ? "修正對照表" : "一覽表追蹤修訂文件") + "." + fmt;
	save(await r.blob(), name);
	say("已下載 " + name + "。", false);
}

function tab(id) {
	for (const b of document.querySelectorAll("#tabs button")) {
		b.className = b.id === id ? "on" : "";
		$(b.dataset.page).hidden = b.id !== id;
	}
}

async function start() {
	const r = await fetch("/api/types");
	for (const t of await r.json()) {
		$("type").add(new Option(t.name + "（" + t.id + "）", t.id));
		$("b-type").add(new Option(t.name + "（" + t.id + "）", t.id));
	}
	$("type").value = "dev";
	$("b-type").value = "dev";
	catalog = await (await fetch("/api/catalog")).json();
	dimsForm();
	$("b-legend").textContent = "標示：" + Object.entries(catalog.catalog.legend).map(([m, t]) => m + " " + t).join("；");
	for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => tab(b.id));
	$("b-type").addEventListener("change", browseType);
	$("b-grade").addEventListener("change", browseBaseline);
	$("b-level").addEventListener("change", browseDuties);
	$("b-kind").addEventListener("change", browseDuties);
	$("diff-go").addEventListener("click", diff);
	for (const id of ["load-profile", "diff-old", "diff-new"])
		$(id).addEventListener("change", () => { $(id + "-name").textContent = $(id).files[0] ? $(id).files[0].name : "未選擇檔案"; });
	browseType();
	browseBaseline();
	browseDuties();
	for (const [doc, name, fmts] of DOCS) {
		const p = document.createElement("p");
		p.append(name + "：");
		for (const f of fmts) {
			const b = document.createElement("button");
			b.type = "button";
			b.id = "dl-" + doc + "-" + f;
			b.textContent = f.toUpperCase();
			b.addEventListener("click", () => download(doc, f));
			p.append(b);
		}
		$("downloads").appendChild(p);
	}
	$("tender").addEventListener("change", (e) => {
		if (e.target.id === "type") decisions.clear();
		if (e.target.name === "grade-by") gradeMode();
		if (e.target.name && e.target.name.startsWith("dim-")) gradeOf();
		if (e.target.id !== "load-profile") update();
	});
	$("save-profile").addEventListener("click", () => save(new Blob([profileXml()], { type: "application/xml" }), "profile.xml"));
	$("load-profile").addEventListener("change", async (e) => { if (e.target.files[0]) load(await e.target.files[0].text()); });
	update();
}

document.addEventListener("DOMContentLoaded", start);
