package io.aipulse.reliability;

import io.aipulse.article.ArticleIds;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic input whose correct aggregates can be known: a few thousand synthetic Chinese
 * AI-news articles built from templates with events any reasonable extractor finds (funding rounds,
 * model releases, product launches, policies, partnerships, acquisitions, IPOs), all random choices
 * drawn from one seeded {@link Random}.
 *
 * <p>Shape of the input, in the order it is produced (oldest first, as the {@code produce} command
 * sends a backfill):
 * <ul>
 *   <li>the base articles, published over {@value #DAYS} days starting on a Monday five to six weeks
 *       before today (Asia/Shanghai), so they cover exactly three ISO weeks;</li>
 *   <li>republished copies (same URL, a few hours later: the de-duplication store must drop them) and
 *       second reports of the same happening by another site on the same day (one event, two
 *       articles);</li>
 *   <li>a few records that are not articles (not JSON, no text, published in 1985, in 2100): they must
 *       reach the dead-letter topic, once each;</li>
 *   <li>after all of those, a few articles dated in the first week: late for every window they belong
 *       to (1-partition runs send them to the late topic);</li>
 *   <li>last, one "flush" article dated an hour ago: it moves stream time past every window end plus
 *       grace, so every corpus window of a 1-partition run emits its final record.</li>
 * </ul>
 *
 * <p>Every happening has its own subject: a company name whose core (brand + trade) is unique in the
 * corpus, a government body used at most once per ISO week. Repeated subjects only come from second
 * reports, dated the same day with the same facts. So the aggregates do not depend on the order in
 * which mentions of one window arrive, which is what makes multi-partition runs comparable at all
 * (see docs/RELIABILITY.md).
 */
public final class Corpus {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int DAYS = 21;

    /** What a record is, for the sanity checks of a reference run. */
    public enum Kind { ARTICLE, REPUBLISHED, SECOND_REPORT, BAD, LATE, FLUSH }

    /** One record for the input topic, exactly as it is produced. */
    public record Item(Kind kind, String key, String json, long timestamp, String articleId, String url, String type,
                String title) {
        public byte[] value() {
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final long seed;
    private final Instant now;
    private final LocalDate firstDay;
    private final List<Item> items;

    private Corpus(long seed, Instant now, LocalDate firstDay, List<Item> items) {
        this.seed = seed;
        this.now = now;
        this.firstDay = firstDay;
        this.items = List.copyOf(items);
    }

    private static final Map<String, Corpus> CACHE = new HashMap<>();

    /** The seed and size of the reliability tests' corpus (and of the stream-against-batch test). */
    static final long RELIABILITY_SEED = 20_241_124L;
    static final int RELIABILITY_ARTICLES = 2_000;

    /** The corpus every reliability test compares runs of. */
    public static Corpus reliability() {
        return standard(RELIABILITY_SEED, RELIABILITY_ARTICLES);
    }

    /**
     * The corpus of this seed and size, anchored at the current day. One instance per JVM and
     * arguments, so test classes that share a reference run see byte-identical input.
     */
    public static synchronized Corpus standard(long seed, int baseArticles) {
        return CACHE.computeIfAbsent(seed + "/" + baseArticles,
                k -> generate(seed, baseArticles, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)));
    }

    static Corpus generate(long seed, int baseArticles, Instant now) {
        return new Generator(seed, now).build(baseArticles);
    }

    public List<Item> items() {
        return items;
    }

    long seed() {
        return seed;
    }

    Instant now() {
        return now;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return firstDay.plusDays(DAYS - 1);
    }

    long count(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }

    /** The ids of the distinct articles that should be accepted (everything but the bad records). */
    Set<String> acceptedArticleIds() {
        Set<String> ids = new HashSet<>();
        items.stream().filter(i -> i.kind() != Kind.BAD).forEach(i -> ids.add(i.articleId()));
        return ids;
    }

    /** Publication time of each accepted article id (the first copy's). */
    Map<String, Long> publicationTimes() {
        Map<String, Long> times = new HashMap<>();
        items.stream().filter(i -> i.kind() != Kind.BAD).forEach(i -> times.putIfAbsent(i.articleId(), i.timestamp()));
        return times;
    }

    Item flush() {
        return items.stream().filter(i -> i.kind() == Kind.FLUSH).findFirst().orElseThrow();
    }

    long totalBytes() {
        return items.stream().mapToLong(i -> i.value().length).sum();
    }

    // --------------------------------------------------------------------------------------------

    private static final class Generator {

        private static final String[] CITIES = {"北京", "上海", "杭州", "深圳", "广州", "苏州", "南京", "合肥", "武汉", "成都",
            "西安", "天津"};
        private static final String[] BRAND_FIRST = {"星", "澜", "云", "睿", "思", "鲸", "蓝", "极", "灵", "启", "明", "若",
            "青", "海", "光", "元", "衡", "墨", "岚", "晨", "图", "博", "远", "川", "翼", "曜", "弈", "松", "禾", "磐"};
        private static final String[] BRAND_SECOND = {"澜", "图", "行", "境", "维", "帆", "瞳", "脉", "辰", "枢", "途", "策",
            "源", "峰", "湃", "曦", "渊", "析", "璞", "岳", "熠", "霆", "跃", "舟", "衍", "穹", "泽", "屿", "纪", "芒"};

        /** A trade: the word in the company name, and sentences that say what the company does. */
        private record Trade(String word, String[] business, String[] productWords) {
        }

        private static final Trade[] TRADES = {
            new Trade("智能", new String[] {"公司专注于通用大语言模型研发，旗下对话助手已服务数百万用户。",
                "公司自研千亿参数基座模型，面向开发者提供模型调用与微调服务。"}, new String[] {"大模型", "对话助手"}),
            new Trade("芯片", new String[] {"公司主要从事AI训练与推理芯片设计，产品已用于多个智算中心。",
                "公司提供GPU算力集群与智算中心整体解决方案。"}, new String[] {"推理芯片", "算力平台"}),
            new Trade("医疗", new String[] {"公司致力于医学影像AI辅助诊断，产品已进入数百家医院。",
                "公司利用AI开展蛋白质设计与新药发现。"}, new String[] {"医疗大模型", "影像诊断系统"}),
            new Trade("教育", new String[] {"公司提供AI个性化学习和智能辅导产品，覆盖数百万中小学生。",
                "公司打造面向职业培训的AI学习平台。"}, new String[] {"学习机", "辅导助手"}),
            new Trade("智驾", new String[] {"公司专注于自动驾驶和智能座舱技术，已与多家车企达成量产合作。",
                "公司研发L4级自动驾驶卡车与智慧物流系统。"}, new String[] {"自动驾驶系统", "智能座舱"}),
            new Trade("机器人", new String[] {"公司研发人形机器人和具身智能系统，产品用于工厂与仓储场景。",
                "公司专注于服务机器人与机械臂控制算法。"}, new String[] {"人形机器人", "具身智能平台"}),
            new Trade("工业", new String[] {"公司为制造企业提供工业质检和智能制造解决方案。",
                "公司打造工业设计AI工具，帮助工厂缩短研发周期。"}, new String[] {"质检平台", "工业大模型"}),
            new Trade("金融", new String[] {"公司打造金融大模型和智能风控平台，服务银行与保险机构。",
                "公司提供智能投顾和反欺诈系统。"}, new String[] {"金融大模型", "风控平台"}),
            new Trade("数据", new String[] {"公司为企业提供知识库、数据治理和智能办公平台。",
                "公司提供企业级AI中台与数据标注服务。"}, new String[] {"企业知识库", "智能办公平台"}),
            new Trade("营销", new String[] {"公司提供AI营销与电商智能客服解决方案。",
                "公司利用AIGC为品牌生成广告素材和直播脚本。"}, new String[] {"营销助手", "智能客服"}),
            new Trade("视觉", new String[] {"公司研发AI视频生成与数字人技术，服务影视和游戏行业。",
                "公司提供图像生成工具，用户超过千万。"}, new String[] {"视频生成模型", "数字人平台"}),
            new Trade("安全", new String[] {"公司专注于AI安全检测与大模型内容合规。",
                "公司提供数据安全与隐私计算平台。"}, new String[] {"安全网关", "合规检测平台"}),
        };

        private static final String[] ROUNDS = {"天使轮", "Pre-A轮", "A轮", "A+轮", "B轮", "B+轮", "C轮", "D轮", "战略"};
        private static final String[] AMOUNTS = {"数千万元", "数百万元", "5000万元", "1亿元", "2.5亿元", "数亿元", "3000万美元",
            "8000万元", "超10亿元", "近5亿元", "1.2亿元", "6000万元"};
        private static final String[] FUND_SUFFIX = {"资本", "创投", "基金"};
        private static final String[] DEPARTMENTS = {"人民政府办公厅", "经济和信息化局", "科学技术局", "发展和改革委员会", "数据局"};
        private static final String[] NATIONAL_BODIES = {"工业和信息化部", "国家互联网信息办公室", "科学技术部", "国家发展和改革委员会",
            "国家数据局"};
        private static final String[] POLICY_TITLES = {"促进人工智能产业高质量发展若干措施", "加快建设人工智能创新高地行动方案",
            "推动通用人工智能创新发展实施意见", "算力基础设施高质量发展行动计划", "人工智能赋能新型工业化实施方案",
            "支持具身智能产业发展若干政策", "生成式人工智能服务管理办法"};
        private static final String[] EXCHANGES = {"港交所", "上交所科创板", "深交所创业板"};
        private static final String[] FILLER = {
            "业内人士认为，人工智能正在改变各行各业的生产方式，应用落地的速度明显加快。",
            "分析人士指出，行业竞争的重点正在从模型参数规模转向场景落地和商业化能力。",
            "随着算力成本下降，越来越多的中小企业开始尝试将大模型用于日常业务。",
            "有观点认为，数据质量和工程能力将成为下一阶段竞争的关键。",
            "从全球范围看，生成式人工智能仍处于快速发展期，监管框架也在逐步完善。",
            "多位受访者表示，人才短缺依然是制约行业发展的主要因素之一。",
            "市场普遍预计，未来三年相关市场规模将保持较高增速。",
            "不少用户反馈，新一代AI产品在理解复杂指令方面有了明显进步。",
            "与此同时，行业也面临数据安全、版权保护和能耗等方面的挑战。",
            "在资本市场上，人工智能赛道依然是投资者关注的热点。",
            "专家建议，企业在引入AI时应先从小场景试点，再逐步推广。",
            "从技术路线看，多模态和智能体被认为是下一步的重要方向。",
            "不少从业者认为，今年是大模型应用落地的关键一年。",
            "在这样的背景下，如何平衡创新与风险成为行业讨论的焦点。",
            "对于普通用户而言，AI助手正在成为搜索、写作和学习的常用工具。",
            "越来越多的开发者开始基于开源模型构建自己的应用。",
            "这一领域的创业公司数量在过去一年明显增加，但头部效应也在加剧。",
            "业内普遍认为，开源生态的繁荣降低了企业使用大模型的门槛。",
        };
        private static final String[] RELATED = {"人工智能如何改变制造业", "大模型落地的三个难题", "算力需求持续增长",
            "具身智能的下一个十年", "AI教育产品走进课堂", "自动驾驶商业化提速"};

        private final long seed;
        private final Random random;
        private final Instant now;
        private final LocalDate firstDay;
        private final List<Integer> brandPool = new ArrayList<>();
        private int brandNext;
        private final Set<String> usedPolicyBodyWeeks = new HashSet<>();
        private int urlSeq;

        Generator(long seed, Instant now) {
            this.seed = seed;
            this.random = new Random(seed);
            this.now = now;
            LocalDate today = now.atZone(ZONE).toLocalDate();
            this.firstDay = today.minusDays(35).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (int i = 0; i < BRAND_FIRST.length * BRAND_SECOND.length * TRADES.length; i++) {
                brandPool.add(i);
            }
            Collections.shuffle(brandPool, random);
        }

        /** A company of a trade with a name core no other subject of the corpus has. */
        private record Company(String city, String core, String fullName, Trade trade, String brand) {
        }

        private Company newCompany() {
            while (true) {
                int code = brandPool.get(brandNext++);
                int trade = code % TRADES.length;
                int pair = code / TRADES.length;
                String first = BRAND_FIRST[pair / BRAND_SECOND.length];
                String second = BRAND_SECOND[pair % BRAND_SECOND.length];
                if (first.equals(second)) {
                    continue;
                }
                String brand = first + second;
                String city = pick(CITIES);
                String core = brand + TRADES[trade].word();
                return new Company(city, core, city + core + "科技有限公司", TRADES[trade], brand);
            }
        }

        private String newFund() {
            Company c = newCompany();
            return c.brand() + c.trade().word().charAt(0) + pick(FUND_SUFFIX);
        }

        Corpus build(int baseArticles) {
            List<Item> articles = new ArrayList<>();
            List<Item> extra = new ArrayList<>();
            long start = firstDay.atStartOfDay(ZONE).toInstant().toEpochMilli();
            long span = Duration.ofDays(DAYS).toMillis();
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < baseArticles; i++) {
                times.add(start + (long) (random.nextDouble() * span));
            }
            Collections.sort(times);
            for (long time : times) {
                Story story = story(time);
                Item item = item(Kind.ARTICLE, story, newUrl(), time, 0);
                articles.add(item);
                double r = random.nextDouble();
                if (r < 0.04) {
                    // the same page republished a few hours later: same URL, so the same article id
                    long later = time + Duration.ofMinutes(30 + random.nextInt(300)).toMillis();
                    extra.add(item(Kind.REPUBLISHED, story, item.url(), later, 1));
                } else if (r < 0.08) {
                    // another site reports the same happening the same day: one event, two articles
                    long later = Math.min(time + Duration.ofMinutes(10 + random.nextInt(120)).toMillis(),
                            endOfDay(time) - 1);
                    extra.add(item(Kind.SECOND_REPORT, story, newUrl(), later, 2));
                }
            }
            List<Item> all = new ArrayList<>();
            all.addAll(articles);
            all.addAll(extra);
            all.sort(Comparator.comparingLong(Item::timestamp));
            insertBadRecords(all);
            // late: dated in the first week, sent after everything else
            for (int i = 0; i < 8; i++) {
                long time = start + Duration.ofHours(12 + 9L * i).toMillis();
                all.add(item(Kind.LATE, story(time), newUrl(), time, 0));
            }
            // flush: an hour ago, later than every corpus window end plus grace
            long flushTime = now.minus(Duration.ofHours(1)).toEpochMilli();
            Company flushCompany = newCompany();
            Story flush = new Story("FUNDING", flushCompany.core() + "完成1亿元B轮融资",
                    flushCompany.fullName() + "宣布完成1亿元B轮融资，由" + newFund() + "领投。"
                            + flushCompany.trade().business()[0]);
            all.add(item(Kind.FLUSH, flush, newUrl(), flushTime, 0));
            return new Corpus(seed, now, firstDay, all);
        }

        private void insertBadRecords(List<Item> all) {
            String[][] bad = {
                {"not json", "这不是JSON：" + pick(FILLER)},
                {"no text", "{\"title\":\"只有标题\",\"url\":\"https://news.example.cn/bad/1\"}"},
                {"1985", "{\"text\":\"" + pick(FILLER) + "\",\"url\":\"https://news.example.cn/bad/2\","
                        + "\"publishedAt\":\"1985-03-01T10:00:00+08:00\"}"},
                {"2100", "{\"text\":\"" + pick(FILLER) + "\",\"url\":\"https://news.example.cn/bad/3\","
                        + "\"publishedAt\":\"2100-01-01T10:00:00+08:00\"}"},
                {"array", "[1,2,3]"},
                {"wrong type", "{\"text\":42,\"url\":\"https://news.example.cn/bad/4\"}"},
            };
            for (int i = 0; i < bad.length; i++) {
                int at = (int) ((long) all.size() * (i + 1) / (bad.length + 1));
                long time = all.get(at).timestamp();
                all.add(at, new Item(Kind.BAD, "bad-" + i, bad[i][1], time, null, null, bad[i][0], null));
            }
        }

        private record Story(String type, String title, String lead) {
        }

        private Story story(long time) {
            double r = random.nextDouble();
            Company c = newCompany();
            if (r < 0.40) {
                String amount = pick(AMOUNTS);
                String round = pick(ROUNDS);
                String roundText = round.equals("战略") ? "战略" : round;
                String lead = newFund();
                String follow = random.nextBoolean() ? "，" + newFund() + "跟投" : "";
                return new Story("FUNDING", c.core() + "完成" + amount + roundText + "融资",
                        c.fullName() + "宣布完成" + amount + roundText + "融资，由" + lead + "领投" + follow + "。");
            }
            if (r < 0.58) {
                String product = c.brand() + pick(c.trade().productWords()) + (1 + random.nextInt(4)) + ".0";
                return new Story("MODEL_RELEASE", c.core() + "发布" + product,
                        c.fullName() + "发布了" + product + "大模型，参数规模达到" + (7 + random.nextInt(600)) + "亿，并宣布向开发者开放。");
            }
            if (r < 0.68) {
                String product = c.brand() + pick(c.trade().productWords());
                return new Story("PRODUCT_LAUNCH", c.core() + "推出" + product,
                        c.fullName() + "正式推出AI产品「" + product + "」，面向企业客户提供服务。");
            }
            if (r < 0.76) {
                String body = policyBody(time);
                if (body != null) {
                    String title = "《" + body.replaceAll("(人民政府办公厅|经济和信息化局|科学技术局|发展和改革委员会|数据局)$", "")
                            + pick(POLICY_TITLES) + "》";
                    return new Story("POLICY", body + "印发" + title,
                            body + "印发" + title + "，提出到2026年人工智能核心产业规模实现倍增。");
                }
            }
            if (r < 0.86) {
                Company other = newCompany();
                return new Story("PARTNERSHIP", c.core() + "与" + other.core() + "达成战略合作",
                        c.fullName() + "与" + other.fullName() + "签署战略合作协议，双方将在" + pick(c.trade().productWords())
                                + "领域展开深度合作。");
            }
            if (r < 0.93) {
                Company target = newCompany();
                return new Story("ACQUISITION", c.core() + "收购" + target.core(),
                        c.fullName() + "宣布以" + pick(AMOUNTS) + "收购" + target.fullName() + (51 + random.nextInt(49))
                                + "%股权，交易完成后将取得其控制权。");
            }
            String exchange = pick(EXCHANGES);
            return new Story("IPO", c.core() + "递交招股书",
                    c.fullName() + "正式向" + exchange + "递交招股书，拟首次公开发行股票并上市。");
        }

        /** A government body not used yet in the ISO week of {@code time}; null when all are. */
        private String policyBody(long time) {
            LocalDate day = Instant.ofEpochMilli(time).atZone(ZONE).toLocalDate();
            long week = java.time.temporal.ChronoUnit.WEEKS.between(firstDay, day);
            for (int attempt = 0; attempt < 20; attempt++) {
                String body = random.nextInt(6) == 0 ? pick(NATIONAL_BODIES) : pick(CITIES) + "市" + pick(DEPARTMENTS);
                if (usedPolicyBodyWeeks.add(body + "@" + week)) {
                    return body;
                }
            }
            return null;
        }

        private Item item(Kind kind, Story story, String url, long time, int variant) {
            ZonedDateTime local = Instant.ofEpochMilli(time).atZone(ZONE);
            StringBuilder text = new StringBuilder();
            String dated = local.getMonthValue() + "月" + local.getDayOfMonth() + "日，";
            if (variant == 2) {
                text.append("据媒体报道，").append(dated).append(story.lead());
            } else {
                text.append(dated).append(story.lead());
            }
            text.append("\n\n");
            int target = 380 + random.nextInt(570);
            List<String> filler = new ArrayList<>(List.of(FILLER));
            Collections.shuffle(filler, random);
            int f = 0;
            while (text.length() < target && f < filler.size()) {
                text.append(filler.get(f++));
                if (f % 3 == 0) {
                    text.append("\n\n");
                }
            }
            if (random.nextInt(4) == 0) {
                text.append("\n\n相关阅读：\n");
                for (int i = 0; i < 3; i++) {
                    text.append("· ").append(pick(RELATED)).append('\n');
                }
            }
            String title = variant == 2 ? "快讯：" + story.title() : story.title();
            String body = text.toString();
            String json = "{\"url\":" + quote(url) + ",\"title\":" + quote(title) + ",\"text\":" + quote(body)
                    + ",\"publishedAt\":" + quote(local.toOffsetDateTime().toString()) + "}";
            String id = ArticleIds.of(url, body);
            return new Item(kind, id, json, time, id, url, story.type(), title);
        }

        private String newUrl() {
            String[] sites = {"news.example.cn", "tech.example.com.cn", "ai.example.net", "www.example-36kr.cn"};
            return "https://" + sites[urlSeq % sites.length] + "/article/" + (100000 + urlSeq++) + ".html";
        }

        private static long endOfDay(long time) {
            return Instant.ofEpochMilli(time).atZone(ZONE).toLocalDate().plusDays(1).atStartOfDay(ZONE).toInstant()
                    .toEpochMilli();
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> out.append(ch);
                }
            }
            return out.append('"').toString();
        }
    }
}
