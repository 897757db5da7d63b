/* test_catalog.c: the shipped catalog against CATALOG-NOTES counts and rows checked against the seeds. */
#include "unit.h"


/* Rows and marks per type (CATALOG-NOTES.md, 003 table). */
static const struct {
	const char *id;
	size_t rows;
	int rec, cas, ciso, na;
} counts[] = {
	{ "saas", 8, 12, 11, 0, 1 },
	{ "saas-office", 18, 41, 12, 0, 1 },
	{ "saas-custom", 2, 3, 2, 0, 1 },
	{ "paas", 28, 68, 16, 0, 0 },
	{ "sec-planning", 2, 6, 0, 0, 0 },
	{ "sys-planning", 2, 6, 0, 0, 0 },
	{ "dev", 58, 112, 59, 3, 0 },
	{ "extension", 17, 30, 18, 3, 0 },
	{ "maintenance", 7, 13, 8, 0, 0 },
};

static void
test_type_counts(void **state)
{
	const sx_procurement *p = cat->proc;
	int tot[4] = { 0, 0, 0, 0 };
	size_t rows = 0;

	(void)state;
	assert_int_equal(p->ntypes, 9);
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		const sx_type *t = &p->types[i];
		int m[4] = { 0, 0, 0, 0 };

		assert_string_equal(t->id, counts[i].id);
		assert_int_equal(t->nitems, counts[i].rows);
		for (size_t j = 0; j < t->nitems; j++)
			for (int g = 0; g < 3; g++)
				m[t->items[j].mark[g]]++;
		assert_int_equal(m[SX_MARK_REC], counts[i].rec);
		assert_int_equal(m[SX_MARK_CASE], counts[i].cas);
		assert_int_equal(m[SX_MARK_CISO], counts[i].ciso);
		assert_int_equal(m[SX_MARK_NA], counts[i].na);
		for (int k = 0; k < 4; k++)
			tot[k] += m[k];
		rows += t->nitems;
	}
	assert_int_equal(rows, 142);
	assert_int_equal(tot[SX_MARK_REC], 291);
	assert_int_equal(tot[SX_MARK_CASE], 126);
	assert_int_equal(tot[SX_MARK_CISO], 6);
	assert_int_equal(tot[SX_MARK_NA], 3);
}

static void
test_ids_in_sequence(void **state)
{
	(void)state;
	for (size_t i = 0; i < cat->proc->ntypes; i++) {
		const sx_type *t = &cat->proc->types[i];
		for (size_t j = 0; j < t->nitems; j++) {
			char want[64];
			snprintf(want, sizeof(want), "%s-%02zu", t->id, j + 1);
			assert_string_equal(t->items[j].id, want);
		}
	}
}

/* Spot checks: every value below was read off the seed text (003_73f0dd361a88ab30.txt), not the
 * catalog.  text: whole text ("\n" for a new printed line, blanks as the source's underscores);
 * NULL note: no note of its own. conds: P personal-data, A/B/C level, S special, E escape, Q ▲. */
static const struct spot {
	const char *id, *group, *marks, *text, *note, *conds;
	const char *tiers; /* "high|medium|normal" or NULL */
} spots[] = {
	{ "saas-01", "提供服務商", "●●●",
	  "須通過CNS27001或ISO 27001等資訊安全管理系統標準、其他具有同等或以上效果之系統或標準", NULL, "", NULL },
	{ "saas-02", "提供服務商", "◎◎◎",
	  "須通過CNS 27701或ISO 27701等隱私資訊管理標準、其他具有同等或以上效果之系統或標準",
	  "提供服務項目涉及個資時應納入要求。", "P", NULL },
	{ "saas-03", "提供服務商", "●●●", "不得為大陸地區廠商或第三地區含陸資成分廠商",
	  "採購涉及國家安全事項，得限制第三地區含陸資廠商不得參加，工程會107年12月20日工程企字第1070050131號函併請參考。", "", NULL },
	{ "saas-04", "身分鑑別/傳輸機密性與完整性", "◎◎◎", "廠商提供機關帳號控管措施", NULL, "", NULL },
	{ "saas-05", "身分鑑別/傳輸機密性與完整性", "◎◎◎", "廠商提供機關資料傳輸措施", NULL, "", NULL },
	{ "saas-06", "事件日誌保存與可歸責性", "●●●",
	  "應提供日誌保存，包括記錄帳號與權限變更、登入名稱、時間、IP 位址、資料存取及重要安全性事件等，應確保其完整與正確性並符合機關保存年限要求", NULL, "", NULL },
	{ "saas-07", "供應商及產品安全要求", "●●●",
	  "針對供應商、產品之下列要求提出佐證資料，若無符合條件者提請機關資安長確認風險\n"
	  "1.供應商安全：符合以下任一條件。\n(1)廠商有公開漏洞回報應變機制\n(2)廠商有第三方檢測團隊執行檢測\n"
	  "2.產品安全：符合以下任一條件。\n(1)產品經第三方檢測單位未含OWASP TOP 10弱點之報告\n"
	  "(2)提供經商用弱點檢測軟體未含___等級風險之掃描報告\n"
	  "(3)取得第三方認可實驗室認證,如：行動應用App基本資安標章（Mobile Application Basic Security,MAS）、Common Criteria或其他同等級認證",
	  "2.產品安全： (2)提供經商用弱點檢測軟體未含___等級風險之掃描報告，掃描報告風險接受等級視各機關資安規範要求。", "", NULL },
	{ "saas-08", "供應商及產品安全要求", "◎◎-",
	  "廠商通過網路安全成熟度模型認證(Cybersecurity Maturity Model Certification,CMMC)",
	  "本項屬廠商特定資格，機關辦理特殊或巨額採購時方得採行並應載明於招標文件。", "S", NULL },
	{ "saas-office-01", "提供服務商", "●●◎",
	  "須通過CNS 27001或ISO 27001等資訊安全管理系統標準、其他具有同等或以上效果之系統或標準", NULL, "", NULL },
	{ "saas-office-04", "傳輸機密性與完整性", "●●●", "廠商提供機關資料傳輸措施", NULL, "", NULL },
	{ "saas-office-08", "防惡意軟體", "●●●", "靜態分析", NULL, "", NULL },
	{ "saas-office-09", "防惡意軟體", "●●◎", "動態沙箱分析", NULL, "", NULL },
	{ "saas-office-10", "防惡意連結", "●●●", "靜態分析", NULL, "", NULL },
	{ "saas-office-11", "防惡意連結", "●●◎", "動態沙箱分析", NULL, "", NULL },
	{ "saas-office-13", "防釣魚郵件", "●●◎", "身分偽冒辨識(anti-spoofing)", NULL, "", NULL },
	{ "saas-office-15", "資料與個資安全", "●●◎", "資料加密與存取控制", NULL, "", NULL },
	{ "saas-office-18", "身分驗證與存取控制", "●●◎", "零信任：身分鑑別/設備鑑別/信任推斷", NULL, "", NULL },
	{ "saas-custom-02", "供應商及產品安全要求", "◎◎-",
	  "廠商通過網路安全成熟度模型認證(Cybersecurity Maturity Model Certification,CMMC)",
	  "本項屬廠商特殊資格，機關辦理特殊或巨額採購時方得採行並應載明於招標文件。", "S", NULL },
	{ "paas-02", "提供平台服務商", "●●●", "廠商不得為大陸地區廠商第三地區含陸資成分廠商",
	  "採購涉及國家安全事項，得限制第三地區含陸資廠商不得參加，工程會107年12月20日工程企字第1070050131號函併請參考。", "", NULL },
	{ "paas-03", "提供平台服務商", "●●●", "辦理弱點檢測/滲透測試服務之第三方廠商應符合等級",
	  "括號為第三方廠商之等級，依據共契資安服務廠商評鑑結果認定。", "", "A級|A級|B、C、D級" },
	{ "paas-04", "弱點管理", "●●●",
	  "雲端應用系統平台具備定期檢視PaaS 之應用、組件或 Web 服務是否存在漏洞並進行更新修補", NULL, "", NULL },
	{ "paas-06", "存取控制", "●●◎",
	  "須針對維運管道建立基於零信任(ZTA)控管基礎之防護機制，並導入同等(AAL2)或更高等級的多因子身份鑑別機制", NULL, "", NULL },
	{ "paas-09", "變更管理/安全管理", "●●◎", "雲端應用系統平台具備變更管理制度", NULL, "", NULL },
	{ "paas-10", "變更管理/安全管理", "●●●", "雲端應用系統平台具備設定安全管理制度", NULL, "", NULL },
	{ "paas-13", "資料安全", "●●◎",
	  "廠商對於虛擬主機平台內之虛擬主機映像檔，應強化其儲存與使用安全並提供佐證", NULL, "", NULL },
	{ "paas-15", "資安防護建置持續監控", "●●●", "資安監控(SOC)機制，廠商須提供 7x24 小時全天候監控", NULL, "", NULL },
	{ "paas-18", "資安防護建置持續監控", "●●◎",
	  "導入端點偵測與回應機制(Endpoint Detection and Respons, EDR)", "導入方式視機關要求及個案需求而定。", "", NULL },
	{ "paas-20", "資安防護建置持續監控", "●◎◎", "導入GCB(Government Configuration Baseline)",
	  "無法達成者，應擬具管理或替代作為，並提請機關資安長確認風險。", "E", NULL },
	{ "paas-23", "資安演練", "●●◎", "紅藍隊演練", NULL, "", NULL },
	{ "paas-26", "第三方檢測", "●●◎",
	  "滲透測試掃描(由檢測人員測試雲端服務是否具備TLS v1.2以上安全通訊協定)", "資安責任等級C級以上之機關本項為必選。", "C", NULL },
	{ "paas-28", "第三方檢測", "●●◎", "資安健診", "資安責任等級C級以上之機關本項為必選。", "C", NULL },
	{ "sec-planning-01", "提供服務商", "●●●", "不得為大陸地區廠商或第三地區含陸資成分廠商", NULL, "", NULL },
	{ "sec-planning-02", "審視機關資安規劃", "●●●",
	  "機關已有無法修復之高風險或發生資通安全事件第三級級第四級時，依據機關現況及限制，參考NIST Cybersecurity Framework協助機關規劃資安整體強化措施", NULL, "", NULL },
	{ "sys-planning-01", "提供服務商", "●●●", "不得為大陸地區廠商或第三地區含陸資成分廠商",
	  "採購涉及國家安全事項，得限制第三地區含陸資廠商不得參加，工程會107年12月20日工程企字第1070050131號函併請參考。", "", NULL },
	{ "dev-01", "提供服務商", "●●●", "具備完善之資通安全管理措施",
	  "資通安全管理法施行細則第4條第1項第1款規定：「受託者辦理受託業務之相關程序及環境，應具備完善之資通安全管理措施或通過第三方驗證。」", "", NULL },
	{ "dev-03", "提供服務商", "◎◎◎", "須具備IEC 62443 資安檢測實驗室 (CBTL) 資格", NULL, "", NULL },
	{ "dev-05", "提供服務商", "▲▲▲",
	  "開發系統導入安全軟體發展生命週期(Secure Software Development Life Cycle,SSDLC)",
	  "提請機關資安長確認廠商所開發之系統是否有導入必要。", "Q", NULL },
	{ "dev-07", "提供服務商", "●●●", "辦理弱點檢測/滲透測試服務之第三方廠商應符合等級",
	  "括號為第三方廠商之等級，依據共契資安服務廠商評鑑結果認定。", "", "A級|A級|B、C、D級" },
	{ "dev-08", "符合國際標準規範", "◎◎◎", "協助系統導入及取得ISO 27001驗證",
	  "提供服務項目涉及個資時應納入要求。", "P", NULL },
	{ "dev-11", "應用程式安全", "●●●", "廠商提供之應用程式不能有植入後門或木馬程程式", NULL, "", NULL },
	{ "dev-13", "存取控制", "●●●",
	  "依據系統防護需求分級，本系統為_____級，需符合_____級系統資通系統防護基準存取控制控制措施，包含帳號管理、採最小權限原則及遠端存取", NULL, "", NULL },
	{ "dev-16", "營運持續計畫", "●●●",
	  "依據系統防護需求分級，本系統為_____級，需依據_____級系統制定系統營運持續計畫控制措施，包含系統備份及系統備援", NULL, "", NULL },
	{ "dev-17", "身分識別與鑑別", "●●●",
	  "依據系統防護需求分級，本系統為_____級，需符合_____級系統資通系統防護基準識別與鑑別控制措施，包含內部使用者識別與鑑別、身分驗證管理、鑑別資訊回饋、加密模組鑑別及非內部使用者之識別與鑑別",
	  "有關帳號安全如：密碼複雜度、多因子認證等原則，可參考資通安全責任等級分級辦法(附表十，https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0030304)", "", NULL },
	{ "dev-20", "系統與通訊保護", "◎◎◎",
	  "資料庫存取及管理操作資料庫之稽核軌跡紀錄，至少包含使用者ID、存取時間、存取之資料庫物件及執行的完整指令", NULL, "", NULL },
	{ "dev-22", "系統與資訊完整性", "◎◎◎",
	  "廠商應整體考慮實體、軟體與資料安全，及系統運作的正確性，相關流程應規劃妥適的安全性協定(如TLS保密協定等)，以完整的保護資料不被盜取、竄改，並杜絕發生系統入侵之事件", NULL, "", NULL },
	{ "dev-27", "資安防護建置持續監控", "●●◎", "資安監控(SOC)機制，廠商須提供 7x24小時全天候監控", NULL, "", NULL },
	{ "dev-32", "資安防護建置持續監控", "●●◎", "導入政府組態基準(Government Configuration Baseline,GCB)",
	  "因故無法達成者，應擬具管理或替代作為，並提請機關資安長確認風險。", "E", NULL },
	{ "dev-35", "資安防護建置持續監控", "●●◎", "導入入侵偵測及防禦機制", "資安責任等級B級以上之機關本項為必選。", "B", NULL },
	{ "dev-36", "資安防護建置持續監控", "●●◎", "導入應用程式防火牆", "資安責任等級B級以上之機關本項為必選。", "B", NULL },
	{ "dev-37", "資安防護建置持續監控", "●●◎", "導入進階持續性威脅攻擊防禦措施", "資安責任等級A級以上之機關本項為必選。", "A", NULL },
	{ "dev-38", "資安防護建置持續監控", "◎◎◎", "導入網路流量全時側錄分析", NULL, "", NULL },
	{ "dev-39", "資安維運服務", "●●●", "專案建置範圍之系統軟體或硬體設備，發現之安全漏洞，定期完成更新、修補或進行緊急之應變", NULL, "", NULL },
	{ "dev-42", "資安演練", "◎◎◎", "紅/藍隊演練", NULL, "", NULL },
	{ "dev-52", "第三方檢測", "◎◎◎", "外部攻擊面管理(External Attack Surface Management,EASM)檢測", NULL, "", NULL },
	{ "dev-53", "資安治理成熟度評估", "◎◎◎", "由專業顧問協助完成標案資安治理成熟度評估", NULL, "", NULL },
	{ "dev-54", "資安專責人員", "◎◎◎", "廠商提供資安駐點人員", NULL, "", NULL },
	{ "dev-55", "資安教育訓練", "◎◎◎", "提供機關資安及資訊人員 12小時以上", NULL, "", NULL },
	{ "dev-57", "資安教育訓練", "◎◎◎", "提供機關資安專責人員取得專業證照", NULL, "", NULL },
	{ "extension-02", "提供服務商", "▲▲▲",
	  "導入安全軟體發展生命週期(Secure Software Development Life Cycle,SSDLC)",
	  "提請機關資安長確認廠商所開發之系統是否有導入必要。", "Q", NULL },
	{ "extension-03", "提供服務商", "◎◎◎", "不得為大陸地區廠商或第三地區含陸資成分廠商", NULL, "", NULL },
	{ "extension-05", "符合國際標準規範", "◎◎◎", "機關提供IEC 62443規範要求，廠商符合機關IEC 62443規範", NULL, "", NULL },
	{ "extension-10", "第三方檢測", "●●◎", "原始碼檢測", NULL, "", NULL },
	{ "extension-17", "資安教育訓練", "●●●", "廠商需參加機關資安規範教育訓練", NULL, "", NULL },
	{ "maintenance-01", "提供服務商", "◎◎◎", "不得為大陸地區廠商或第三地區含陸資成分廠商",
	  "採購涉及國家安全事項，得限制第三地區含陸資廠商不得參加，工程會107年12月20日工程企字第1070050131號函併請參考。", "", NULL },
	{ "maintenance-03", "應用程式安全", "●●◎",
	  "於更新程式時提供軟體物料清單 (Software Bill of Materials,SBOM)及安全測試報告，並於每季提供軟體物料清單及安全測試報告", NULL, "", NULL },
	{ "maintenance-07", "第三方檢測", "●●◎", "資安健診", "資安責任等級C級以上之機關為必選。", "C", NULL },
};

static void
test_spot_rows(void **state)
{
	(void)state;
	assert_true(sizeof(spots) / sizeof(spots[0]) >= 40);
	for (size_t i = 0; i < sizeof(spots) / sizeof(spots[0]); i++) {
		const struct spot *s = &spots[i];
		const sx_item *it = sx_item_find(cat->proc, s->id);
		char marks[32], conds[8] = "", *text, *note;
		size_t nc = 0;

		assert_non_null(it);
		assert_string_equal(it->group->name, s->group);
		unit_marks(it, marks, sizeof(marks));
		assert_string_equal(marks, s->marks);
		text = sx_rich_plain(&it->text);
		assert_string_equal(text, s->text);
		free(text);
		if (s->note == NULL) {
			assert_int_equal(it->note.n, 0);
		} else {
			note = sx_rich_plain(&it->note);
			assert_string_equal(note, s->note);
			free(note);
		}
		if (it->conds & SX_COND_PERSONAL_DATA)
			conds[nc++] = 'P';
		if (it->conds & SX_COND_LEVEL)
			conds[nc++] = (char)('A' + it->level_min);
		if (it->conds & SX_COND_SPECIAL)
			conds[nc++] = 'S';
		if (it->conds & SX_COND_CISO_ESCAPE)
			conds[nc++] = 'E';
		if (it->conds & SX_COND_CISO_CONFIRM)
			conds[nc++] = 'Q';
		conds[nc] = '\0';
		assert_string_equal(conds, s->conds);
		if (s->tiers) {
			char tiers[64];
			snprintf(tiers, sizeof(tiers), "%s|%s|%s", it->tier[2], it->tier[1], it->tier[0]);
			assert_string_equal(tiers, s->tiers);
		} else {
			assert_null(it->tier[0]);
			assert_null(it->tier[1]);
			assert_null(it->tier[2]);
		}
	}
}

/* The seven development rows with blanks cite their 附表十 areas; scan-risk blanks in three SaaS rows. */
static void
test_blanks_and_areas(void **state)
{
	static const char *const area_rows[][2] = {
		{ "dev-13", "ac" }, { "dev-15", "au" }, { "dev-16", "cp" }, { "dev-17", "ia" },
		{ "dev-18", "sa" }, { "dev-19", "sc" }, { "dev-21", "si" },
	};
	size_t with_areas = 0, scan = 0;

	(void)state;
	for (size_t i = 0; i < 7; i++) {
		const sx_item *it = sx_item_find(cat->proc, area_rows[i][0]);
		int blanks[SX_BLANK__COUNT] = { 0, 0, 0 };
		assert_non_null(it);
		assert_int_equal(it->nareas, 1);
		assert_string_equal(it->areas[0], area_rows[i][1]);
		for (size_t k = 0; k < it->text.n; k++)
			if (it->text.v[k].kind == SX_SEG_BLANK)
				blanks[it->text.v[k].blank]++;
		assert_int_equal(blanks[SX_BLANK_SYSTEM_GRADE], 1);
		assert_int_equal(blanks[SX_BLANK_BASELINE_GRADE], 1);
	}
	for (size_t i = 0; i < cat->proc->ntypes; i++)
		for (size_t j = 0; j < cat->proc->types[i].nitems; j++) {
			const sx_item *it = &cat->proc->types[i].items[j];
			with_areas += it->nareas > 0;
			for (size_t k = 0; k < it->text.n; k++)
				scan += it->text.v[k].kind == SX_SEG_BLANK &&
				    it->text.v[k].blank == SX_BLANK_SCAN_RISK;
		}
	assert_int_equal(with_areas, 7);
	assert_int_equal(scan, 3);
}

/* 第三方檢測 of dev carries the merged 施行細則第4條第1項第5款 note once, for the group. */
static void
test_group_note(void **state)
{
	const sx_item *it = sx_item_find(cat->proc, "dev-47");
	char *note;

	(void)state;
	assert_non_null(it);
	assert_string_equal(it->group->name, "第三方檢測");
	assert_int_equal(it->note.n, 0);
	note = sx_rich_plain(&it->group->note);
	assert_non_null(strstr(note, "資通安全管理法施行細則第4條第1項第5款規定"));
	assert_non_null(strstr(note, "並應標示非自行開發之內容與其來源及提供授權證明。」"));
	free(note);
}

/* 附表一～八: 辦理項目 / leaf rows (CATALOG-NOTES.md, 000 file). */
static void
test_duty_counts(void **state)
{
	static const struct {
		const char *label;
		int level;
		enum sx_duty_kind kind;
		size_t items, leaves, remarks;
	} want[] = {
		{ "附表一", 0, SX_DUTY_PUBLIC, 14, 27, 6 },
		{ "附表二", 0, SX_DUTY_SPECIAL, 12, 24, 6 },
		{ "附表三", 1, SX_DUTY_PUBLIC, 14, 26, 6 },
		{ "附表四", 1, SX_DUTY_SPECIAL, 12, 23, 6 },
		{ "附表五", 2, SX_DUTY_PUBLIC, 11, 21, 5 },
		{ "附表六", 2, SX_DUTY_SPECIAL, 11, 20, 5 },
		{ "附表七", 3, SX_DUTY_ALL, 3, 5, 2 },
		{ "附表八", 4, SX_DUTY_ALL, 2, 2, 2 },
	};
	const sx_regulation *r = cat->reg;

	(void)state;
	assert_int_equal(r->ntables, 8);
	for (size_t i = 0; i < 8; i++) {
		const sx_duty_table *t = &r->tables[i];
		size_t leaves = 0;
		assert_string_equal(t->label, want[i].label);
		assert_int_equal(t->level, want[i].level);
		assert_int_equal(t->kind, want[i].kind);
		assert_int_equal(t->nduties, want[i].items);
		for (size_t j = 0; j < t->nduties; j++)
			leaves += t->duties[j].ndetails ? t->duties[j].ndetails : 1;
		assert_int_equal(leaves, want[i].leaves);
		assert_int_equal(t->nremarks, want[i].remarks);
	}
	/* the look-up by level and kind */
	assert_string_equal(sx_duties_find(r, 1, SECANNEX_KIND_SPECIAL)->label, "附表四");
	assert_string_equal(sx_duties_find(r, 3, SECANNEX_KIND_SPECIAL)->label, "附表七");
	assert_string_equal(sx_duties_find(r, 4, SECANNEX_KIND_PUBLIC)->label, "附表八");
}

/* Duty texts that differ between tables, read off the seed. */
static void
test_duty_texts(void **state)
{
	const sx_regulation *r = cat->reg;
	const sx_duty_table *t1 = sx_duties_find(r, 0, SECANNEX_KIND_PUBLIC);
	const sx_duty_table *t2 = sx_duties_find(r, 0, SECANNEX_KIND_SPECIAL);
	const sx_duty_table *t5 = sx_duties_find(r, 2, SECANNEX_KIND_PUBLIC);

	(void)state;
	assert_string_equal(t1->duties[2].name, "資通安全專責人員");
	assert_string_equal(t1->duties[2].content.v[0].text, "初次受核定或等級變更後之一年內，配置四人；須以專職人員配置之。");
	assert_string_equal(t2->duties[2].content.v[0].text, "初次受核定或等級變更後之一年內，配置四人。");
	assert_string_equal(t1->duties[6].name, "限制使用危害國家資通安全產品");
	assert_int_equal(t1->duties[6].content.n, 3);
	assert_string_equal(t1->duties[6].content.v[2].n, "三");
	assert_non_null(strstr(t1->duties[6].content.v[2].text, "且不得與公務網路環境介接。"));
	assert_non_null(strstr(t2->duties[5].content.v[2].text, "且不得與業務網路環境介接。"));
	/* 附表五's 證照 has no 「初次受核定…」 prefix */
	{
		const sx_duty *last = &t5->duties[t5->nduties - 1];
		assert_string_equal(last->details[0].name, "資通安全專業證照");
		assert_string_equal(last->details[0].content.v[0].text,
		    "資通安全專職人員總計應持有一張以上，並持續維持證照之有效性。");
	}
	assert_string_equal(r->tables[7].title, "資通安全責任等級 E級之各機關應辦事項");
}

static void
test_articles_and_grading(void **state)
{
	const sx_regulation *r = cat->reg;
	static const int numbers[] = { 4, 5, 8, 11, 12 };

	(void)state;
	assert_int_equal(r->narticles, 5);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(r->articles[i].number, numbers[i]);
	assert_int_equal(r->articles[0].paras[0].nitems, 7);
	assert_int_equal(r->articles[1].paras[0].nitems, 7);
	assert_int_equal(r->articles[2].paras[0].nitems, 3);
	assert_int_equal(r->articles[3].nparas, 5);
	assert_int_equal(r->articles[4].nparas, 2);
	assert_string_equal(r->articles[0].paras[0].lead, "各機關有下列情形之一者，其資通安全責任等級為 A 級：");
	assert_string_equal(r->articles[0].paras[0].items[6].text, "屬公立醫學中心。");
	assert_string_equal(r->articles[4].paras[1].lead, "本辦法修正條文自發布日施行。");
	assert_int_equal(r->ndims, 4);
	assert_string_equal(r->dims[3].name, "法律遵循性");
	assert_string_equal(r->dims[3].text[SECANNEX_GRADE_NORMAL], "其他資通系統設置或運作於法令有相關規範之情形。");
	assert_non_null(strstr(r->grading_remark, "任一構面之防護需求等級之最高者定之。"));
}

/* No compatibility ideograph, no NBSP, nothing outside NFC anywhere in the exported catalog. */
static void
test_unicode_clean(void **state)
{
	char *json = secannex_render_export(cat);
	const unsigned char *p = (const unsigned char *)json;

	(void)state;
	for (; *p; p++) {
		/* U+F900–U+FAFF is EF A4 80 – EF AB BF in UTF-8 */
		assert_false(p[0] == 0xEF && p[1] >= 0xA4 && p[1] <= 0xAB);
		assert_false(p[0] == 0xC2 && p[1] == 0xA0);
	}
	free(json);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_type_counts),
		cmocka_unit_test(test_ids_in_sequence),
		cmocka_unit_test(test_spot_rows),
		cmocka_unit_test(test_blanks_and_areas),
		cmocka_unit_test(test_group_note),
		cmocka_unit_test(test_duty_counts),
		cmocka_unit_test(test_duty_texts),
		cmocka_unit_test(test_articles_and_grading),
		cmocka_unit_test(test_unicode_clean),
	};

	return cmocka_run_group_tests(tests, unit_setup, unit_teardown);
}
