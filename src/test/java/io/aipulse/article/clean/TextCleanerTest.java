package io.aipulse.article.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void convertsTraditionalToSimplified() {
        // given an article in traditional characters
        String raw = "2023年4月14日,騰訊雲正式發布新一代高性能計算集群,雲知聲智能科技股份有限公司與優刻得達成了戰略合作。";
        // when
        String text = cleaner.clean(raw).text();
        // then
        assertThat(text).contains("腾讯云正式发布新一代高性能计算集群").contains("云知声智能科技股份有限公司与优刻得达成了战略合作");
    }

    @Test
    void convertsExactlyAsHanLpDoesLineByLineOrWhole() throws Exception {
        // given the seeds, mixed simplified and traditional lines, and random runs of HanLP's own t2s entries
        java.util.List<String> texts = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("seeds"))) {
            for (var f : files.sorted().toList()) {
                texts.add(java.nio.file.Files.readString(f));
            }
        }
        texts.add("百度发布文心一言。\n“百模大戰”之後,國內AIGC產業“大浪淘沙”\n乾燥的天氣,乾隆皇帝,士多啤梨\n\n著名的模型");
        var dictionary = new com.hankcs.hanlp.corpus.dictionary.StringDictionary("=");
        assertThat(dictionary.load(com.hankcs.hanlp.HanLP.Config.tcDictionaryRoot + "t2s.txt")).isTrue();
        java.util.List<String> keys = dictionary.entrySet().stream().map(java.util.Map.Entry::getKey).toList();
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 200; n++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 300) {
                String key = keys.get(random.nextInt(keys.size()));
                sb.append(random.nextInt(3) == 0 ? key.substring(0, random.nextInt(key.length()) + 1) : key);
                if (random.nextInt(5) == 0) {
                    sb.append("\n大模型的".charAt(random.nextInt(5)));
                }
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            // when
            String ours = ChineseScript.toSimplifiedSameLength(text);
            // then
            String hanlp = com.hankcs.hanlp.HanLP.convertToSimplifiedChinese(text);
            if (hanlp.length() == text.length()) {
                assertThat(ours).as(text).isEqualTo(hanlp);
            } else {
                assertThat(ours).hasSameSizeAs(text);
            }
        }
    }

    @Test
    void leavesSimplifiedTextAlone() {
        String raw = "著名的百度发布了文心一言。";
        assertThat(cleaner.clean(raw).text()).isEqualTo(raw);
    }

    @Test
    void removesInlinePinyinGlosses() {
        // given a page whose converter left glosses after characters
        String raw = "2023年4月18日,字節(jié)跳動發(fā)布大模型訓(xùn)練云平臺,發(fā)布了“首款A(yù)I游戲”";
        // when
        String text = cleaner.clean(raw).text();
        // then
        assertThat(text).contains("字节跳动发布大模型训练云平台").contains("首款AI游戏").doesNotContain("(");
    }

    @Test
    void removesTonelessGlossesOnAPageThatGlosses() {
        // given a page that glosses without tone marks, a syllable twice after one character
        String raw = "中國(guo)(guo)科(ke)學技術(shu)信息研究所發布《人工智(zhi)能指數報告》";
        // when
        String text = cleaner.clean(raw).text();
        // then
        assertThat(text).isEqualTo("中国科学技术信息研究所发布《人工智能指数报告》");
    }

    @Test
    void keepsLoneTonelessParenthesesAndListMarks() {
        // given a page with one toneless syllable and list marks in parentheses, and no other gloss
        String raw = "相当于(a)本公告日期现有股份;其二,方案(de)与(b)项相同。";
        // when
        String text = cleaner.clean(raw).text();
        // then
        assertThat(text).isEqualTo(raw);
    }

    @Test
    void keepsParenthesesThatAreNotGlosses() {
        String raw = "竹间智能推出了大模型工厂(LLM Factory)和生成式对抗网络(GAN)。";
        assertThat(cleaner.clean(raw).text()).contains("(LLM Factory)").contains("(GAN)");
    }

    @Test
    void foldsFullWidthToHalfWidth() {
        String raw = "ＡＩ公司（北京）完成１亿元融资，估值３０亿元。";
        assertThat(cleaner.clean(raw).text()).isEqualTo("AI公司(北京)完成1亿元融资,估值30亿元。");
    }

    @Test
    void stripsHtmlTagsAndEntities() {
        String raw = "<p>百度&nbsp;发布&amp;开源<b>文心</b>大模型</p><br/>&lt;完&gt;";
        assertThat(cleaner.clean(raw).text()).isEqualTo("百度 发布&开源文心大模型\n<完>");
    }

    @Test
    void dropsSeoKeywordHeader() {
        // given a spam line of keywords joined by underscores before the title
        String raw = "国产日韩欧美一区二区三区_亚洲少妇熟女av_久久久久亚洲av国产精品_波多野结衣网站一区二区_亚洲欧美色片在线91\n"
                + "“百模大战”之后,国内AIGC产业“大浪淘沙”\n正文第一段。";
        // when
        String text = cleaner.clean(raw).text();
        // then
        assertThat(text).doesNotContain("亚洲").startsWith("\n“百模大战”之后");
    }

    @Test
    void dropsPlaceNameListFooter() {
        String raw = "正文最后一段。\n敖汉旗| 龙州县| 皋兰县| 江源县| 新竹县| 萍乡市| 环江| 横峰县| 和林格尔县|";
        assertThat(cleaner.clean(raw).text().strip()).isEqualTo("正文最后一段。");
    }

    @Test
    void dropsInjectedCryptoParagraphs() {
        // given a wire item with its stamp between two article paragraphs, spread over three lines
        String raw = "6月29日,美团公告宣布收购光年之外的全部权益。\n"
                + "数据:Riot Blockchain 8月共产出441枚BTC,较去年增长约451%:9月9日消息,纳斯达克上市矿企Riot发布更新。\n"
                + "到8月为止,公司共产出了2051枚BTC。\n"
                + "截至2021年8月31日,Riot持有约3128枚BTC。(雅虎财经)[2021/9/9 23:12:07]\n"
                + "对于腾讯来说,近年来主营业务增长稳中向好。";
        // when
        String text = cleaner.clean(raw).text();
        // then
        assertThat(text).contains("美团公告宣布收购光年之外").contains("对于腾讯来说")
                .doesNotContain("BTC").doesNotContain("Riot").doesNotContain("[2021");
    }

    @Test
    void dropsAWireItemInsideALongOneLineArticleFromItsHead() {
        // given a one-line article: prose, a crypto item with its head and stamp, more prose
        String prose = "上海人工智能产业规模持续扩大,形成了从基础研究到创新应用的全产业链布局。".repeat(60);
        String item = "矿企Riot:9月9日消息,纳斯达克上市矿企Riot发布更新,8月共产出441枚BTC。[2021/9/9 23:12:07]";
        String raw = prose + item + "百度发布文心一言。";
        // when
        String text = cleaner.clean(raw).text();
        // then the item goes from the sentence of its head to its stamp
        assertThat(text).isEqualTo(prose + "百度发布文心一言。");
    }

    @Test
    void aLineOfManyStampsIsDroppedWhole() {
        String raw = ("人工智能产业规模持续扩大" + "[2021/9/9 23:12:07]").repeat(2000);
        assertThat(cleaner.clean(raw).text()).isEmpty();
    }

    @Test
    void dropsCryptoLinesWithoutStamp() {
        String raw = "正文。\n0xScope:与Multichain相关地址将近50万枚MULTI转入gate交易所:5月24日消息,Web3知识图谱协议0xScope发推称\n下一段正文,大模型发布。";
        assertThat(cleaner.clean(raw).text()).doesNotContain("0xScope").contains("大模型发布");
    }

    @Test
    void keepsAiNewsThatMentionsWeb3() {
        String raw = "Web3 和 AI 初创公司 ZYBER 365 宣布完成 1 亿美元 A 轮融资,英国 SRAM & MRAM Group 参投。";
        assertThat(cleaner.clean(raw).text()).isEqualTo(raw);
    }

    @Test
    void dropsRelatedReadingLists() {
        // given
        String raw = "正文最后一段,上海人工智能产业已形成全产业链布局。\n相关阅读\n人工智能大会深观察|大模型应该如何卷应用?\n"
                + "澎湃新闻 2024-07-06\n江苏首个人工智能语言大模型通过备案\n上海证券报 2023-12-22\n最新评论";
        // when
        String text = cleaner.clean(raw).text();
        // then
        assertThat(text.strip()).isEqualTo("正文最后一段,上海人工智能产业已形成全产业链布局。");
    }

    @Test
    void dropsGuessYouLikeList() {
        String raw = "正文。\n猜你喜欢\n文心算力人工智能\n多方求解智能时代算力挑战\n新华月报(2024年7期)2024-04-08 02:10:56";
        assertThat(cleaner.clean(raw).text().strip()).isEqualTo("正文。");
    }

    @Test
    void dropsCopyrightFooter() {
        String raw = "ABI Research 预计,生成式 AI 将带来超过 4500 亿美元的收入。本文为澎湃号作者或机构在澎湃新闻上传并发布,"
                + "仅代表该作者或机构观点,不代表澎湃新闻的观点或立场。\n郑重声明: 本文版权归原作者所有, 转载文章仅为传播更多信息之目的";
        // when
        String text = cleaner.clean(raw).text();
        // then
        assertThat(text.strip()).isEqualTo("ABI Research 预计,生成式 AI 将带来超过 4500 亿美元的收入。");
    }

    @Test
    void mapsEveryCleanedCharacterBackToTheOriginal() {
        // given
        String raw = "<b>字節(jié)跳動</b>發(fā)布，ＡＩ平臺";
        // when
        CleanText clean = cleaner.clean(raw);
        // then
        String text = clean.text();
        int at = text.indexOf("发布");
        assertThat(raw.substring(clean.originOf(at), clean.originOf(at) + 1)).isEqualTo("發");
        int ai = text.indexOf("AI");
        assertThat(raw.charAt(clean.originOf(ai))).isEqualTo('Ａ');
        assertThat(clean.originalSpan(raw, text.indexOf("字节"), text.indexOf("字节") + 4)).isEqualTo("字節(jié)跳動");
    }

    @Test
    void aMegabyteLineWithoutPunctuationIsCleanedQuickly() {
        String raw = "人工智能大模型发布".repeat(120_000);
        long t0 = System.nanoTime();
        cleaner.clean(raw);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void dropsTheContentOfScriptAndStyleElements() {
        // given an HTML page whose script and style name companies and events
        String raw = "<html><head><style>.百度完成A轮融资 { color: red }</style>"
                + "<SCRIPT type=\"text/javascript\">var s = \"腾讯完成数千万元A轮融资\";</SCRIPT></head>"
                + "<body><p>商汤发布新模型。</p><script>if (a < b) { 阿里巴巴发布通义千问(); }</script></body></html>";

        // when
        String text = cleaner.clean(raw).text();

        // then only the body's text is left
        assertThat(text.strip()).isEqualTo("商汤发布新模型。");
    }

    @Test
    void dropsAnUnclosedScriptToTheEnd() {
        assertThat(cleaner.clean("商汤发布新模型。<script>百度完成A轮融资").text()).isEqualTo("商汤发布新模型。");
    }

    @Test
    void keepsAWordThatOnlyStartsLikeScript() {
        assertThat(cleaner.clean("<scripture>经文</scripture>").text()).isEqualTo("经文");
    }

    @Test
    void removesAnsiEscapeSequencesAndControlCharacters() {
        // given a terminal's colours around a company name, a window title, and controls inside words
        String raw = "\u001B[1;31m百度\u001B[0m完成A轮融资。\u001B]0;title\u0007腾\u0007讯\u009B2K发布\u0001模型。";

        // when
        String text = cleaner.clean(raw).text();

        // then the text reads as if they had never been there
        assertThat(text).isEqualTo("百度完成A轮融资。腾讯发布模型。");
    }

    @Test
    void keepsTabsAndLineBreaksAsText() {
        assertThat(cleaner.clean("第一行\t甲\n第二行").text()).isEqualTo("第一行 甲\n第二行");
    }
}
