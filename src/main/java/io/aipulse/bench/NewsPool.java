package io.aipulse.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generated news leads about a pool of generated organisations, so that a benchmark's distinct events
 * grow with its number of articles as a real feed's do: the recombined seed paragraphs alone repeat about
 * sixty events however many articles are made of them. Organisations are drawn by a Zipf law over the
 * pool (the k-th most reported is reported about 1/k as often as the first): a few are in the news every
 * day and reported by many articles, most only now and then. A lead names the organisation in full
 * ({@code 杭州星澜智能科技有限公司宣布完成5000万元A轮融资，…}), the form the extractor reads for funding
 * rounds, model releases, launches and partnerships; it carries no date, so its event is dated by its
 * article, and the same organisation's leads on nearby days are one event.
 */
public final class NewsPool {

    private static final String[] CITIES = {"北京", "上海", "杭州", "深圳", "广州", "苏州", "南京", "合肥", "武汉", "成都",
        "西安", "天津"};
    private static final String[] FIRST = {"星", "澜", "云", "睿", "思", "鲸", "蓝", "极", "灵", "启", "明", "若", "青", "海",
        "光", "元", "衡", "墨", "岚", "晨", "图", "博", "远", "川", "翼", "曜", "弈", "松", "禾", "磐"};
    private static final String[] SECOND = {"澜", "图", "行", "境", "维", "帆", "瞳", "脉", "辰", "枢", "途", "策", "源", "峰",
        "湃", "曦", "渊", "析", "璞", "岳", "熠", "霆", "跃", "舟", "衍", "穹", "泽", "屿", "纪", "芒"};
    /** Trade words of company names, each with what such a company releases or launches. */
    private static final String[][] TRADES = {{"智能", "大模型"}, {"芯片", "推理芯片"}, {"医疗", "医疗大模型"},
        {"教育", "学习机"}, {"智驾", "自动驾驶系统"}, {"机器人", "人形机器人"}, {"工业", "质检平台"},
        {"金融", "风控平台"}, {"数据", "企业知识库"}, {"营销", "营销助手"}, {"视觉", "视频生成模型"}, {"安全", "安全网关"}};
    private static final String[] AMOUNTS = {"数千万元", "5000万元", "1亿元", "2.5亿元", "3000万美元", "8000万元", "1.2亿元"};
    private static final String[] ROUNDS = {"天使轮", "Pre-A轮", "A轮", "A+轮", "B轮", "C轮"};

    private record Organisation(String fullName, String brand, String product) {
    }

    private final List<Organisation> organisations;
    /** cumulative[k]: the probability of drawing one of the k+1 most reported organisations. */
    private final double[] cumulative;

    /**
     * @param size how many organisations (at most 10,440: two-character brands times trades)
     * @param seed the pool's names and order
     */
    public NewsPool(int size, long seed) {
        List<Organisation> all = new ArrayList<>();
        Random random = new Random(seed);
        for (String first : FIRST) {
            for (String second : SECOND) {
                if (first.equals(second)) {
                    continue;
                }
                for (String[] trade : TRADES) {
                    String brand = first + second;
                    String city = CITIES[random.nextInt(CITIES.length)];
                    all.add(new Organisation(city + brand + trade[0] + "科技有限公司", brand, brand + trade[1]));
                }
            }
        }
        if (size < 1 || size > all.size()) {
            throw new IllegalArgumentException("pool size must be 1.." + all.size() + ", got " + size);
        }
        Collections.shuffle(all, random);
        this.organisations = List.copyOf(all.subList(0, size));
        this.cumulative = new double[size];
        double total = 0;
        for (int k = 0; k < size; k++) {
            total += 1.0 / (k + 1);
            cumulative[k] = total;
        }
        for (int k = 0; k < size; k++) {
            cumulative[k] /= total;
        }
    }

    /** One lead about an organisation drawn by its rank, in one of four kinds of news. */
    String lead(Random random) {
        int rank = Arrays.binarySearch(cumulative, random.nextDouble());
        Organisation o = organisations.get(Math.min(organisations.size() - 1, rank < 0 ? -rank - 1 : rank));
        return switch (random.nextInt(4)) {
            case 0 -> o.fullName() + "宣布完成" + AMOUNTS[random.nextInt(AMOUNTS.length)]
                    + ROUNDS[random.nextInt(ROUNDS.length)] + "融资，由" + o.brand().charAt(1) + "川资本领投。";
            case 1 -> o.fullName() + "发布了" + o.product() + (1 + random.nextInt(4)) + ".0大模型，参数规模达到"
                    + (7 + random.nextInt(600)) + "亿，并宣布向开发者开放。";
            case 2 -> o.fullName() + "正式推出AI产品「" + o.product() + "」，面向企业客户提供服务。";
            default -> o.fullName() + "与" + organisations.get(random.nextInt(organisations.size())).fullName()
                    + "签署战略合作协议，双方将在人工智能领域展开深度合作。";
        };
    }
}
