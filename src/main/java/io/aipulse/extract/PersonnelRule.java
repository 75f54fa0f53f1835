package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * PERSONNEL: an executive joins, leaves or is appointed: "X 出任 Y 首席科学家", "Y 任命 X 为 CTO", "X 从 Y 离职".
 * Only in a sentence that names a role; the organisation is the subject, person and role the product.
 */
final class PersonnelRule extends Rule {

    /** the verbs of taking a post, and the adverbs that may open them */
    static final List<String> JOIN_VERBS = List.of("加入", "加盟", "入职", "出任", "担任", "就任", "履新", "接任", "回归", "兼任",
            "迎来新任", "接掌", "升任", "晋升为", "晋升",
            // an executive brought in from outside ("谷歌研究副总裁吴永辉空降字节"), the organisation right after
            "空降");
    static final List<String> JOIN_ADVERBS = List.of("即将", "正式", "已", "宣布");
    /** the verbs of JOIN_VERBS whose object is the post itself ("出任X董事长"), not the organisation joined */
    private static final List<String> TAKES_POST = List.of("出任", "担任", "就任", "接任", "兼任", "迎来新任", "接掌", "升任",
            "晋升为", "晋升");
    static final List<String> LEAVE_VERBS = List.of("离职", "离任", "辞任", "辞职", "辞去", "递交辞呈", "卸任", "退休", "分道扬镳",
            "离开公司", "离开了公司", "出走", "请辞",
            // the board removes an executive: "董事会宣布解雇首席执行官", "罢免", "免去...职务"
            "解雇", "罢免", "免去");
    static final List<String> APPOINT = List.of("任命", "委任", "聘请", "聘任", "延揽");
    /**
     * the chief officers of Taiwan and Hong Kong news: 执行长 (CEO), 技术长 (CTO), 营运长, 财务长, AI长 ... (not the
     * 长 of 长期, 长远, 长度 ...)
     */
    private static final List<String> TAIWAN_CHIEFS = java.util.stream.Stream.of("执行长", "技术长", "营运长", "财务长", "资讯长",
            "行销长", "AI长", "人工智慧长").map(t -> t + "(?![期远久度达])").toList();
    static final List<String> TRIGGERS = Finder.union(JOIN_VERBS, APPOINT, LEAVE_VERBS);

    /** any chief officer title ("首席执行官", "首席战略官") */
    private static final String CHIEF_OFFICER = "首席[\\p{IsHan}]{1,5}官";
    /** a chief scientist of a field, the field's name may hold Latin letters ("首席人工智能(AI)科学家") */
    private static final String CHIEF_SCIENTIST = "首席[^，。；,;]{0,10}?科学家";
    /** the titles that name a person right after them ("CEO 张三") */
    static final List<String> NAMING_TITLES = java.util.stream.Stream.concat(java.util.stream.Stream.of("CEO", "CTO", "COO", "CFO",
            "CMO", "CSO", "总裁", "副总裁", CHIEF_OFFICER, "董事长", "总经理", "联合创始人", "首席科学家"), TAIWAN_CHIEFS.stream()).toList();
    /** every role that makes a sentence about a post */
    static final List<String> ROLES;
    /** the roles an appointment names */
    static final List<String> APPOINTED_ROLES = java.util.stream.Stream.concat(java.util.stream.Stream.of("CEO", "CTO", "COO", "CFO",
            "CMO", "总裁", "副总裁", CHIEF_OFFICER, "董事长", "总经理", CHIEF_SCIENTIST, "负责人", "院长", "主任", "总监"),
            TAIWAN_CHIEFS.stream()).toList();

    static {
        List<String> roles = new ArrayList<>(NAMING_TITLES);
        roles.addAll(List.of(CHIEF_SCIENTIST, "CPO", "执行董事", "负责人", "高管", "合伙人", "院长", "主任", "总监", "主管", "VP", "President"));
        ROLES = List.copyOf(roles);
    }

    static final Finder JOINS = Finder.of(Finder.anyOf(JOIN_ADVERBS) + "?(" + String.join("|", JOIN_VERBS) + ")(?!过|了解)",
            JOIN_ADVERBS, JOIN_VERBS);
    /** what may stand between 为 and the role: "为公司的首位首席人工智能官" */
    private static final String ROLE_OPENERS = "(?:公司|集团)?的?(?:首位|首任|新任|新一任)?";
    static final Finder APPOINTS = Finder.of(Finder.anyOf(APPOINT) + "\\s?([^，。；,;]{2,40}?)\\s?(?:为|担任|出任)"
            + ROLE_OPENERS + "\\s?(" + String.join("|", APPOINTED_ROLES) + ")", APPOINT);
    static final Finder LEAVES = Finder.of("(" + String.join("|", LEAVE_VERBS) + ")(?!潮)", LEAVE_VERBS);
    static final Finder ROLE = Finder.of("(" + String.join("|", ROLES) + ")", Finder.literalStarts(ROLES));
    static final Finder TITLE_AND_PERSON = Finder.of("(" + String.join("|", NAMING_TITLES) + ")\\s?"
            + "([\\p{IsHan}]{2,3}|[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?)", Finder.literalStarts(NAMING_TITLES));

    /** what an announcing organisation says right before the news of a post */
    private static final List<String> ANNOUNCES = List.of("宣布", "公告", "发布公告", "官宣", "任命", "聘请", "聘任", "延揽");
    /** a stock code in parentheses right after a name: "腾讯 (00700-HK) 任命" */
    private static final java.util.regex.Pattern STOCK_CODE = java.util.regex.Pattern.compile(
            "^\\s?\\(\\s?\\d{4,6}\\s?[-.]?\\s?[A-Z]{0,2}\\s?\\)");
    /** a relative clause of a past post right before the person's name: "曾任职OpenAI的姚顺雨" */
    private static final java.util.regex.Pattern FORMER_POST_OF_PERSON = java.util.regex.Pattern.compile(
            "[曾过][^，。；,;]{1,30}的[\\p{IsHan}·]{2,4}$");
    /**
     * a team as the one who joins: "核心团队加入英伟达", "创始团队,包括首席执行官X,将加入苹果公司", "千问团队加盟" (the
     * team moves, often with a deal; no executive takes a post)
     */
    private static final java.util.regex.Pattern TEAM_JOINS = java.util.regex.Pattern.compile(
            "团队(?:[，,][^，,。]{0,40}[，,])?\\s?(?:也|将|已|已经|都|均|全部|集体)*$");
    /** how far before a join verb its team is looked for */
    private static final int TEAM_REACH = 60;
    /** characters that end a person's name read after a title */
    private static final String[] NAME_ENDS = {"在", "宣", "表", "跟", "将", "于", "已", "称"};

    PersonnelRule() {
        super(EventType.PERSONNEL, TRIGGERS,
                Policies.sectorFrom(SectorClue.REGISTRY, SectorClue.PROFILE, SectorClue.SENTENCE, SectorClue.ITEM, SectorClue.LEAD)
                        .actors(ActorFilter.NAMED)
                        .distinguishedBy(Distinction.PERSON));
    }

    @Override
    void apply(SentenceContext s) {
        if (!s.scan(ROLE, s.start(), s.end()).find()) {
            return;
        }
        joins(s);
        appointments(s);
        departures(s);
    }

    private void joins(SentenceContext s) {
        String text = s.text();
        Finder.Scan joins = s.scan(JOINS, s.from(), s.end());
        while (joins.find()) {
            Matcher m = joins.matcher();
            int cs = s.clauseStart(m.start());
            // "曾任职OpenAI的姚顺雨出任": a past post that describes the person is no past of this post
            String before = FORMER_POST_OF_PERSON.matcher(text.substring(cs, m.start())).replaceFirst("");
            if (Cues.background(before, 0, before.length()) || before.contains("过")) {
                continue;
            }
            if (TEAM_JOINS.matcher(text).region(Math.max(s.from(), m.start() - TEAM_REACH), m.start()).find()) {
                continue;
            }
            OrgMention org = null;
            for (OrgMention o : s.orgs()) {
                if (o.start() >= m.end() && o.start() <= m.end() + 60 && !o.isKind("media")) {
                    // "出任阶跃星辰董事长": right after a verb whose object is a post, the organisation is the post's
                    boolean object = TAKES_POST.contains(m.group(1)) && text.substring(m.end(), o.start()).isBlank();
                    if (!object && Cues.opensWithPersonTitle(text, o.end(), Math.min(s.end(), o.end() + 8))) {
                        continue;
                    }
                    org = o;
                    String gap = text.substring(m.end(), o.start());
                    if (!gap.contains("联合创立") && !gap.contains("创立的") && !gap.contains("创办的")) {
                        break;
                    }
                }
            }
            if (org == null) {
                String after = text.substring(m.end(), Math.min(s.end(), m.end() + 3));
                org = after.startsWith("公司") ? s.coreference(ActorFilter.NAMED)
                        : s.subjectBefore(m.start(), cs, ActorFilter.NAMED);
            }
            if (org == null) {
                org = announcer(s, cs, m.start());
            }
            if (org == null) {
                org = titledOrg(s, m.start());
            }
            if (org != null && former(text, org)) {
                continue; // "前微软副总裁沈向洋加盟...": the employer before, not the post taken
            }
            Candidate c = s.add(EventType.PERSONNEL, org, m.start(), m.end());
            if (c != null) {
                c.product = personAndRole(s, m.start());
            }
        }
    }

    /** "商汤科技联合创始人徐立担任董事长": the organisation whose title the person holds, right before the title. */
    private static OrgMention titledOrg(SentenceContext s, int trigger) {
        for (OrgMention o : s.orgs()) {
            if (o.start() < s.from() || o.end() > trigger || o.isKind("media") || former(s.text(), o)) {
                continue;
            }
            Finder.Scan role = s.scan(ROLE, o.end(), Math.min(trigger, o.end() + 12));
            if (role.find() && (role.matcher().start() == o.end()
                    || role.matcher().start() == o.end() + 1 && s.text().charAt(o.end()) == ' ')) {
                return o;
            }
        }
        return null;
    }

    /** "前微软副总裁", "原Google DeepMind副总裁": 前 or 原 right before the organisation marks a former employer */
    private static boolean former(String text, OrgMention o) {
        return o.start() > 0 && (text.charAt(o.start() - 1) == '前' || text.charAt(o.start() - 1) == '原');
    }

    /** "百度宣布,王海峰出任首席技术官": the organisation before the clause that announces it. */
    private static OrgMention announcer(SentenceContext s, int clauseStart, int trigger) {
        for (OrgMention o : s.actors(ActorFilter.NAMED)) {
            if (o.end() > clauseStart) {
                continue;
            }
            String after = STOCK_CODE.matcher(s.text().substring(o.end(), Math.min(trigger, o.end() + 20))).replaceFirst("")
                    .stripLeading();
            for (String w : ANNOUNCES) {
                if (after.startsWith(w)) {
                    return o;
                }
            }
        }
        return null;
    }

    private void appointments(SentenceContext s) {
        Finder.Scan appoints = s.scan(APPOINTS, s.from(), s.end());
        while (appoints.find()) {
            Matcher m = appoints.matcher();
            int cs = s.clauseStart(m.start());
            if (s.background(cs, m.start())) {
                continue;
            }
            Candidate c = s.add(EventType.PERSONNEL, s.subjectBefore(m.start(), cs, ActorFilter.NAMED), m.start(), m.end());
            if (c != null) {
                c.product = m.group(1).trim() + " (" + m.group(2) + ")";
            }
        }
    }

    private void departures(SentenceContext s) {
        Finder.Scan leaves = s.scan(LEAVES, s.from(), s.end());
        while (leaves.find()) {
            Matcher m = leaves.matcher();
            int cs = s.clauseStart(m.start());
            if (s.background(cs, m.start()) || staffCut(s.text(), m.end())) {
                continue;
            }
            OrgMention org = employerBefore(s, m.start());
            for (OrgMention o : s.orgs()) {
                if (org == null && o.end() <= m.start() && o.start() >= s.from() && !o.isKind("media")) {
                    org = o;
                    break;
                }
            }
            Candidate c = s.add(EventType.PERSONNEL, org, m.start(), m.end());
            if (c != null) {
                c.product = personAndRole(s, m.start());
            }
        }
    }

    /**
     * "媒体人X爆料Y的首席技术官Z被解雇": the organisation whose title the person who leaves holds (named right before
     * the title, or before 的 and the title) is the one left, whoever else the sentence names first.
     */
    private static OrgMention employerBefore(SentenceContext s, int verb) {
        String text = s.text();
        for (OrgMention o : s.orgs()) {
            if (o.end() > verb || o.start() < s.from() || o.isKind("media")) {
                continue;
            }
            int at = o.end() < verb && text.charAt(o.end()) == '的' ? o.end() + 1 : o.end();
            if (Cues.opensWithPersonTitle(text, at, Math.min(verb, at + 8))) {
                return o;
            }
        }
        return null;
    }

    /** how far after 解雇 the staff it cuts are looked for ("解雇了约200名员工") */
    private static final int STAFF_REACH = 10;

    /** "在多个部门解雇员工": staff let go are a layoff (a setback), not an executive leaving. */
    private static boolean staffCut(String text, int verbEnd) {
        int end = Math.min(text.length(), verbEnd + STAFF_REACH);
        for (int i = verbEnd; i < end; i++) {
            if ("，。；,;".indexOf(text.charAt(i)) >= 0) {
                return false;
            }
            for (String staff : SetbackRule.STAFF) {
                if (text.startsWith(staff, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last "title person" before {@code to} in the sentence: "张三 (CTO)". */
    private static String personAndRole(SentenceContext s, int to) {
        Finder.Scan roles = s.scan(TITLE_AND_PERSON, s.start(), to);
        String found = null;
        while (roles.find()) {
            Matcher m = roles.matcher();
            String person = m.group(2);
            for (String cut : NAME_ENDS) {
                int i = person.indexOf(cut);
                if (i > 1) {
                    person = person.substring(0, i);
                }
            }
            found = person + " (" + m.group(1) + ")";
        }
        return found;
    }
}
