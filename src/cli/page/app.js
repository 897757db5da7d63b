// app.js: the page's behaviour (secannex serve): the form as a profile file, the live table from
// /api/resolve, decisions per row, downloads.  Vanilla JavaScript; every request to the app's own API.
"use strict";
const NS = "urn:secannex:profile:1";
const STATUS = { "required": "納入", "selected": "選用", "not-selected": "未選用", "excluded": "不納入",
	"pending-ciso": "待資安長決定", "not-applicable": "不適用" };
const DOCS = [["annex", "招標文件附件", ["docx", "odt"]], ["review", "內部簽辦審查表", ["docx", "odt"]],
	["matrix", "廠商需求符合性對照表", ["docx", "odt", "xlsx", "csv"]]];
const decisions = new Map(); // row id -> { kind: "choose"|"exclude"|"ciso-confirm"|"ciso-decline", reason }
let seq = 0;

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
		for (const f of ["confidentiality", "integrity", "availability", "legal"]) el(d, f, $(f).value);
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
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc) + "\n";
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

function table(res) {
	const tb = document.querySelector("#rows tbody");
	tb.textContent = "";
	for (const it of res.items) {
		const tr = document.createElement("tr");
		tr.className = it.status;
		tr.id = "row-" + it.id;
		for (const [text, cls] of [[it.id], [it.group], [it.text], [it.mark, "mark"],
			[STATUS[it.status] || it.status, "st"], [it.reason]]) {
			const td = document.createElement("td");
			td.textContent = text === null || text === undefined ? "" : text;
			if (cls) td.className = cls;
			tr.appendChild(td);
		}
		tr.appendChild(control(it));
		tb.appendChild(tr);
	}
	const c = res.counts;
	$("counts").textContent = res.type.name + "，等級「" + res.grade.name + "」：納入 " + c.required +
		" 項、選用 " + c.selected + " 項、未選用 " + c["not-selected"] + " 項、不納入 " + c.excluded +
		" 項、待資安長決定 " + c["pending-ciso"] + " 項。";
}

// Resolve the form as it stands; an older answer arriving late is dropped.
async function update() {
	const mine = ++seq;
	const r = await post("/api/resolve", profileXml());
	if (mine !== seq) return;
	if (!r.ok) {
		status(await errorText(r), true);
		return;
	}
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
	const q = "/api/generate?document=" + doc + "&format=" + fmt + ($("draft").checked ? "&draft=1" : "");
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
	if (dims) for (const f of ["confidentiality", "integrity", "availability", "legal"]) $(f).value = g(one(f));
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
}

async function start() {
	const r = await fetch("/api/types");
	for (const t of await r.json()) $("type").add(new Option(t.name + "（" + t.id + "）", t.id));
	$("type").value = "dev";
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
		if (e.target.id !== "load-profile") update();
	});
	$("save-profile").addEventListener("click", () => save(new Blob([profileXml()], { type: "application/xml" }), "profile.xml"));
	$("load-profile").addEventListener("change", async (e) => { if (e.target.files[0]) load(await e.target.files[0].text()); });
	update();
}

document.addEventListener("DOMContentLoaded", start);
