package io.aipulse.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores extracted events against hand-labelled gold events: a plain Java port of
 * {@code shared/eval/score.py} with the same matching (source, type and the same organisation after
 * the same normalisation, greedy in file order), the same precision / recall / F1, the same attribute
 * accuracy and the same printed format, so that an {@code eval --gold FILE PATH...} command gives the
 * numbers the script gives.
 */
public final class Scorer {

    /** Traditional to simplified characters, exactly the table of score.py. */
    private static final String T2S_FROM = "節動馬間從圖監測訊譜廣東華亞歐萬與專業叢絲兩嚴喪個豐臨為麗舉麼義烏樂喬習鄉書買亂爭於虧雲亞產畝親億僅從侖倉儀們價眾優夥會傘偉傳傷倫偽體餘傭僉俠侶僥偵側僑儈儂俁係"
            + "儔儼倆儷儉債傾僂僨償儻儐儲儺兒兌黨蘭關興茲養獸內岡冊寫軍農塚馮衝決況凍淨涼減湊凜幾鳳憑凱擊鑿芻劃劉則剛創刪別剄劊劌劍劑勸辦務勱動勵勁勞勢勳勻匭匯區醫華協單賣盧鹵"
            + "臥衛卻廠廳曆厲壓厭釐廁廂縣參雙發變敘疊葉號嘆嘰籲後嚇呂嗎噸聽啟吳嘸囈嘔嚦唄員咼嗆嗚詠嚨嚀噝響啞噠嘵嗶噦嘩噲嚌噥喲嘜嗊嘮啢嗩喚嘖嗇囀嚙噯噴嘍嚳囁噯團園圍圇國圖圓聖"
            + "壙場壞塊堅壇壢壩塢墳墜壟壚壘墾堊墊埡墶壋塏堖塒塤堝塹墮壪牆壯聲殼壺處備復夠頭誇夾奪奩奐奮獎奧妝婦媽嫵嫗媯姍婁婭嬈嬌孌娛媧嫻嫿嬰嬋嬸媼嬡嬪嬙嬤孫學孿寧寶實寵審憲宮"
            + "寬賓寢對尋導壽將爾塵嘗堯尷屍盡層屆屬屢屨嶼歲豈嶇崗峴嶴嵐島嶺嶽崠巋嶨嶧峽嶢嶠崢巒嶗崍嶮嶄嶸嶔巔鞏幣帥師幃帳簾幟帶幀幫幬幘幗冪莊慶廬廡庫應廟龐廢廩開異棄張彌彎彈強"
            + "歸當錄彙彥徹徑徠憶懺憂愾懷態慫憮慪悵愴憐總懟懌戀懇惡慟懨愷惻惱惲悅懸慳憫驚懼慘懲憊愜慚憚慣慍憤憒願懾懣懶戇戔戲戧戰戩戶紮撲執擴捫掃揚擾撫拋摶摳掄搶護報擔擬攏揀擁"
            + "攔擰撥擇掛摯攣掗撾撻挾撓擋撟掙擠揮撏撈損撿換搗據擄摑擲撣摻摜攬搵撳攙擱摟攪攜攝攄擺搖擯攤攖撐攆擷擼攛擻攢敵斂數齋斕鬥斬斷於時曠暘曇晝顯晉曬曉曄暈暉暫曖術樸機殺雜"
            + "權條來楊榪傑極構樅樞棗櫪梘棖槍楓梟櫃檸檉梔柵標棧櫛櫳棟櫨櫟欄樹棲樣欒椏橈楨檔榿橋樺檜槳樁夢檢櫺槨櫝槧槓樓欖櫬櫚櫸檟檻檳櫧橫檣櫻櫫櫥櫓櫞檁歡歟歐殲歿殤殘殞殮殫殯毆"
            + "毀轂畢斃氈毿氌氣氫氬氳匯漢湯溝沒灃漚瀝淪滄潙滬濘淚澩瀧瀘濼潑澤涇潔灑窪浹淺漿澆湞濁測澮濟瀏渾滸濃潯濤澇漣渦溳渙滌潤澗漲澀淵漬瀆漸澠漁瀋滲溫遊灣濕潰濺漵滾滯灩灄滿"
            + "瀅濾濫灤濱灘澦瀠瀟瀲濰潛瀦瀾瀨瀕灝滅燈靈災燦煬爐燉煒熗點煉熾爍爛烴燭煙煩燒燁燴燙燼熱煥燜燾愛爺牘犛牽犧犢狀獷獁猶狽獮獰獨狹獅獪猙獄猻獫獵獼玀豬貓蝟獻獺璣瑪瑋環現"
            + "璽琺瓏璫琿璉瑣瓊瑤璦瓔甌產畫暢疇癤療瘧癘瘍瘡瘋皰癰痙癢瘂癆瘓癇癡癉瘮瘞瘻癟癱癮癭癩癬癲發皚皺盞鹽監蓋盜盤瞘眥睜睞瞼瞞矚矯磯礬礦碭碼磚硨硯碸礪礱礫礎硜碩硤磽磑礄確"
            + "鹼礙磧磣禮禕禰禍禎禱禪離禿稈種積稱穢穠穩穀窮竊竅窯竄窩窺竇豎競篤筍筆筧箋籠籩築篳篩箏籌簽簡籙簀籜籮簞簫簣簍籃籬籪籟糴類秈糶糲粵糞糧糝餱緊縶糾紀紂約紅紆紇紈紉紋納"
            + "紐紓純紕紖紗紙級紛紜紡紬細紱紳組紼終絀絃絅線紺絏紹繹經綁絨結絝繞絰絎繪給絢絳絡絕絞統綆綃絹繡綌綏絛繼綈績緒綾緓續綺緋綽緔緄繩維綿綬繃綢綯綹綣綜綻綰綠綴緇緙緗緘緬"
            + "纜緹緲緝縕繢緦綞緞緶線緱縋緩締縷編緡緣縉縛縟縝縫縗縞纏縭縊縑繽縹縵縲纓縮繆繅纈繚繕繒韁繾繰繯纘罌網羅罰罷羆羈羋羥翹耮耬聳恥聶聾職聹聯聵聰肅腸膚骯餚腎腫脹脅膽勝朧"
            + "腖臚脛膠脈膾髒臍腦膿臠腳脫腡臉臘醃膕齶膩靦膃騰臏臢輿艤艦艙艫艱豔艸藝節羋薌蕪蘆蓯葦藶莧萇蒼苧蘇檾蘋莖蘢蔦塋煢繭薦薘莢蕘蓽蕎薈薺蕩榮葷滎犖熒蕁藎蓀蔭蕒葒葤藥蒞萊蓮"
            + "蒔萵薟獲蕕瑩鶯蓴蘀蘿螢營縈蕭薩蔥蕆蕢蔣蔞藍薊蘺蕷鎣驀薔蘞藺藹蘄蘊藪槁蘚虜慮虛蟲虯蟣雖蝦蠆蝕蟻螞蠶蠔蜆蠱蠣蟶蠻蟄蛺蟯螄蠐蛻蝸蠟蠅蟈蟬蠍螻蠑螿蟎蠨釁銜補襯袞襖嫋褘襪"
            + "襲襏裝襠褌褳襝褲襇褸襤見觀覎規覓視覘覽覺覬覡覿覥覦覯覲覷觴觸觶讋譽謄計訂訃認譏訐訌討讓訕訖訓議訊記講諱謳詎訝訥許訛論訩訟諷設訪訣證詁訶評詛識詗詐訴診詆謅詞詘詔詖"
            + "譯詒誆誄試詿詩詰詼誠誅詵話誕詬詮詭詢詣諍該詳詫諢詡譸誡誣語誚誤誥誘誨誑說誦誒請諸諏諾讀諑誹課諉諛誰諗調諂諒諄誶談誼謀諶諜謊諫諧謔謁謂諤諭諼讒諮諳諺諦謎諞謨讜謖謝"
            + "謠謗謚謙謐謹謾謫譾謬譚譖譙讕譜譎讞譴譫讖豶貝貞負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀貲賂賃賄賅資賈賊賑賒賧賓賕賚賜賞賠賡賢賣賤賦賧質賬賭賴賺賻購賽賾贄贅"
            + "贈贊贍贏贐贓贖贗贛趙趕躉躍蹌跡蹠躒踐躂蹺蹕躚躋踴躊蹤躓躑躡蹣躕躥躪躦軀車軋軌軒軔轉軛輪軟轟軲軻轤軸軹軼軤軫轢軺輕軾載輊轎輇輅較輒輔輛輦輩輝輥輞輟輜輳輻輯輸轡轅轄"
            + "輾轆轍轔辭辯農邊遼達遷過邁運還這進遠違連遲邇逕適選遜遞邐邏遺遙鄧鄺鄔郵鄒鄴鄰鬱郟鄶鄭鄆酈鄖鄲醞醱醬釅釃釀釋裏鉅鑒鑾鏨釓釔針釘釗釙釕釷釧釤鈒釩釣鍆釹鍚釵鈣鈦鈍鈔鐘"
            + "鈉鋇鋼鈑鈐鑰欽鈞鎢鉤鈧鈁鈥鈄鈕鈀鈺錢鉦鉗鈷缽鈳鉕鈽鈸鉞鑽鉬鉭鉀鈿鈾鐵鉑鈴鑠鉛鉚鈰鉉鉈鉍鈹鐸鉶銬銠鉺銪鋮鋏鐃鋣鐺銱銦鎧鍘銖銑鋌銩鏵銓鎩鉿銚鉻銘錚銫鉸銥鏟銃鐋銨銀銣"
            + "鑄鐒鋪錸鋱鏈鏗銷鎖鋰鋥鋤鍋鋯鋨鏽銼鋝鋒鋅鋶鐦鐧銳銻鋃鋟鋦錒錆鍺錯錨錛錡錁錕錩錫錮鑼錘錐錦鍁錈錇錟錠鍵鋸錳錙鍥鍈鍇鏘鍶鍔鍤鍬鍾鍛鎪鍠鍰鎄鍍鎂鏤鐨鎇鏌鎮鎛鎘鑷鐫鎳鎿"
            + "鎦鎬鎊鎰鎔鏢鏜鏍鏰鏞鏡鏑鏃鏇鏐鐔鐝鐐鏷鑥鐓鑭鐠鑹鏹鐙鑊鐳鐶鐲鐮鐿鑔鑣鑞鑲長門閂閃閆閉問闖閏闈閑閎間閔閌悶閘鬧閨聞闥閩閭閥閣閡閫鬮閱閬閾閹閶鬩閿閽閻閼闡闌闃闠闊闕"
            + "闒闐闔闓闋闞闍闢隊陽陰陣階際陸隴陳陘陝隉隕險隨隱隸雋難雛讎靂霧霽黴靄靚靜靨韃鞽韉韋韌韍韓韙韜韞韻頁頂頃項順須頊頑顧頓頎頒頌頏預顱領頗頸頡頰頜潁頦頻頹頷穎顆題顒顎"
            + "顓顏額顳顢顛顙顥纇顫顬風颺颶颼飄飆飛饗饜飢飣餳飩飪飫飭飯飲餞飾飽餉餌饒蝕餃餅餡館饋餿饞饃饅饉饈饌饑馬馭馱馴馳驅驃駁驢駔駛駟駙駒騶駐駝駑駕驛駘驍駭駢驊駱駮駿騁騎騍"
            + "騅驂騙騭騷騫驁驕驗驟驥驤髏髖鬢魘魎魚鯊鯨鳥鳴鴨鵝鷹鶴鹵麥麩黃黌點黨黷齊齒齡龍龔龜為億隊";
    private static final String T2S_TO = "节动马间从图监测讯谱广东华亚欧万与专业丛丝两严丧个丰临为丽举么义乌乐乔习乡书买乱争于亏云亚产亩亲亿仅从仑仓仪们价众优伙会伞伟传伤伦伪体余佣佥侠侣侥侦侧侨侩侬俣系"
            + "俦俨俩俪俭债倾偻偾偿傥傧储傩儿兑党兰关兴兹养兽内冈册写军农冢冯冲决况冻净凉减凑凛几凤凭凯击凿刍划刘则刚创删别刭刽刿剑剂劝办务劢动励劲劳势勋匀匦汇区医华协单卖卢卤"
            + "卧卫却厂厅历厉压厌厘厕厢县参双发变叙叠叶号叹叽吁后吓吕吗吨听启吴呒呓呕呖呗员呙呛呜咏咙咛咝响哑哒哓哔哕哗哙哜哝哟唛唝唠唡唢唤啧啬啭啮嗳喷喽喾嗫嗳团园围囵国图圆圣"
            + "圹场坏块坚坛坜坝坞坟坠垄垆垒垦垩垫垭垯垱垲垴埘埙埚堑堕塆墙壮声壳壶处备复够头夸夹夺奁奂奋奖奥妆妇妈妩妪妫姗娄娅娆娇娈娱娲娴婳婴婵婶媪嫒嫔嫱嬷孙学孪宁宝实宠审宪宫"
            + "宽宾寝对寻导寿将尔尘尝尧尴尸尽层届属屡屦屿岁岂岖岗岘岙岚岛岭岳岽岿峃峄峡峣峤峥峦崂崃崄崭嵘嵚巅巩币帅师帏帐帘帜带帧帮帱帻帼幂庄庆庐庑库应庙庞废廪开异弃张弥弯弹强"
            + "归当录汇彦彻径徕忆忏忧忾怀态怂怃怄怅怆怜总怼怿恋恳恶恸恹恺恻恼恽悦悬悭悯惊惧惨惩惫惬惭惮惯愠愤愦愿慑懑懒戆戋戏戗战戬户扎扑执扩扪扫扬扰抚抛抟抠抡抢护报担拟拢拣拥"
            + "拦拧拨择挂挚挛挜挝挞挟挠挡挢挣挤挥挦捞损捡换捣据掳掴掷掸掺掼揽揾揿搀搁搂搅携摄摅摆摇摈摊撄撑撵撷撸撺擞攒敌敛数斋斓斗斩断于时旷旸昙昼显晋晒晓晔晕晖暂暧术朴机杀杂"
            + "权条来杨杩杰极构枞枢枣枥枧枨枪枫枭柜柠柽栀栅标栈栉栊栋栌栎栏树栖样栾桠桡桢档桤桥桦桧桨桩梦检棂椁椟椠杠楼榄榇榈榉槚槛槟槠横樯樱橥橱橹橼檩欢欤欧歼殁殇残殒殓殚殡殴"
            + "毁毂毕毙毡毵氇气氢氩氲汇汉汤沟没沣沤沥沦沧沩沪泞泪泶泷泸泺泼泽泾洁洒洼浃浅浆浇浈浊测浍济浏浑浒浓浔涛涝涟涡涢涣涤润涧涨涩渊渍渎渐渑渔沈渗温游湾湿溃溅溆滚滞滟滠满"
            + "滢滤滥滦滨滩滪潆潇潋潍潜潴澜濑濒灏灭灯灵灾灿炀炉炖炜炝点炼炽烁烂烃烛烟烦烧烨烩烫烬热焕焖焘爱爷牍牦牵牺犊状犷犸犹狈狝狞独狭狮狯狰狱狲猃猎猕猡猪猫猬献獭玑玛玮环现"
            + "玺珐珑珰珲琏琐琼瑶瑷璎瓯产画畅畴疖疗疟疠疡疮疯疱痈痉痒痖痨痪痫痴瘅瘆瘗瘘瘪瘫瘾瘿癞癣癫发皑皱盏盐监盖盗盘眍眦睜睐睑瞒瞩矫矶矾矿砀码砖砗砚砜砺砻砾础硁硕硖硗硙硚确"
            + "碱碍碛碜礼祎祢祸祯祷禅离秃秆种积称秽秾稳谷穷窃窍窑窜窝窥窦竖竞笃笋笔笕笺笼笾筑筚筛筝筹签简箓箦箨箩箪箫篑篓篮篱簖籁籴类籼粜粝粤粪粮糁糇紧絷纠纪纣约红纡纥纨纫纹纳"
            + "纽纾纯纰纼纱纸级纷纭纺䌷细绂绅组绋终绌弦䌹线绀绁绍绎经绑绒结绔绕绖绗绘给绚绛络绝绞统绠绡绢绣绤绥绦继绨绩绪绫䌼续绮绯绰绱绲绳维绵绶绷绸绹绺绻综绽绾绿缀缁缂缃缄缅"
            + "缆缇缈缉缊缋缌缍缎缏线缑缒缓缔缕编缗缘缙缚缛缜缝缞缟缠缡缢缣缤缥缦缧缨缩缪缫缬缭缮缯缰缱缲缳缵罂网罗罚罢罴羁芈羟翘耢耧耸耻聂聋职聍联聩聪肃肠肤肮肴肾肿胀胁胆胜胧"
            + "胨胪胫胶脉脍脏脐脑脓脔脚脱脶脸腊腌腘腭腻腼腽腾膑臜舆舣舰舱舻艰艳艹艺节芈芗芜芦苁苇苈苋苌苍苎苏苘苹茎茏茑茔茕茧荐荙荚荛荜荞荟荠荡荣荤荥荦荧荨荩荪荫荬荭荮药莅莱莲"
            + "莳莴莶获莸莹莺莼萚萝萤营萦萧萨葱蒇蒉蒋蒌蓝蓟蓠蓣蓥蓦蔷蔹蔺蔼蕲蕴薮稿藓虏虑虚虫虬虮虽虾虿蚀蚁蚂蚕蚝蚬蛊蛎蛏蛮蛰蛱蛲蛳蛴蜕蜗蜡蝇蝈蝉蝎蝼蝾螀螨蟏衅衔补衬衮袄袅袆袜"
            + "袭袯装裆裈裢裣裤裥褛褴见观觃规觅视觇览觉觊觋觌觍觎觏觐觑觞触觯詟誉誊计订讣认讥讦讧讨让讪讫训议讯记讲讳讴讵讶讷许讹论讻讼讽设访诀证诂诃评诅识诇诈诉诊诋诌词诎诏诐"
            + "译诒诓诔试诖诗诘诙诚诛诜话诞诟诠诡询诣诤该详诧诨诩诪诫诬语诮误诰诱诲诳说诵诶请诸诹诺读诼诽课诿谀谁谂调谄谅谆谇谈谊谋谌谍谎谏谐谑谒谓谔谕谖谗谘谙谚谛谜谝谟谠谡谢"
            + "谣谤谥谦谧谨谩谪谫谬谭谮谯谰谱谲谳谴谵谶豮贝贞负财贡贫货贩贪贯责贮贳赀贰贵贬买贷贶费贴贻贸贺赀赂赁贿赅资贾贼赈赊赕宾赇赉赐赏赔赓贤卖贱赋赕质账赌赖赚赙购赛赜贽赘"
            + "赠赞赡赢赆赃赎赝赣赵赶趸跃跄迹跖跞践跶跷跸跹跻踊踌踪踬踯蹑蹒蹰蹿躏躜躯车轧轨轩轫转轭轮软轰轱轲轳轴轵轶轷轸轹轺轻轼载轾轿辁辂较辄辅辆辇辈辉辊辋辍辎辏辐辑输辔辕辖"
            + "辗辘辙辚辞辩农边辽达迁过迈运还这进远违连迟迩迳适选逊递逦逻遗遥邓邝邬邮邹邺邻郁郏郐郑郓郦郧郸酝酦酱酽酾酿释里钜鉴銮錾钆钇针钉钊钋钌钍钏钐钑钒钓钔钕钖钗钙钛钝钞钟"
            + "钠钡钢钣钤钥钦钧钨钩钪钫钬钭钮钯钰钱钲钳钴钵钶钷钸钹钺钻钼钽钾钿铀铁铂铃铄铅铆铈铉铊铋铍铎铏铐铑铒铕铖铗铙铘铛铞铟铠铡铢铣铤铥铧铨铩铪铫铬铭铮铯铰铱铲铳铴铵银铷"
            + "铸铹铺铼铽链铿销锁锂锃锄锅锆锇锈锉锊锋锌锍锎锏锐锑锒锓锔锕锖锗错锚锛锜锞锟锠锡锢锣锤锥锦锨锩锫锬锭键锯锰锱锲锳锴锵锶锷锸锹锺锻锼锽锾锿镀镁镂镄镅镆镇镈镉镊镌镍镎"
            + "镏镐镑镒镕镖镗镙镚镛镜镝镞镟镠镡镢镣镤镥镦镧镨镩镪镫镬镭镮镯镰镱镲镳镴镶长门闩闪闫闭问闯闰闱闲闳间闵闶闷闸闹闺闻闼闽闾阀阁阂阃阄阅阆阈阉阊阋阌阍阎阏阐阑阒阓阔阙"
            + "阘阗阖闿阕阚阇辟队阳阴阵阶际陆陇陈陉陕陧陨险随隐隶隽难雏雠雳雾霁霉霭靓静靥鞑鞒鞯韦韧韨韩韪韬韫韵页顶顷项顺须顼顽顾顿颀颁颂颃预颅领颇颈颉颊颌颍颏频颓颔颖颗题颙颚"
            + "颛颜额颞颟颠颡颢颣颤颥风飏飓飕飘飙飞飨餍饥饤饧饨饪饫饬饭饮饯饰饱饷饵饶蚀饺饼馅馆馈馊馋馍馒馑馐馔饥马驭驮驯驰驱骠驳驴驵驶驷驸驹驺驻驼驽驾驿骀骁骇骈骅骆驳骏骋骑骒"
            + "骓骖骗骘骚骞骜骄验骤骥骧髅髋鬓魇魉鱼鲨鲸鸟鸣鸭鹅鹰鹤卤麦麸黄黉点党黩齐齿龄龙龚龟为亿队";
    private static final Map<Character, Character> T2S = new HashMap<>();

    static {
        for (int i = 0; i < T2S_FROM.length(); i++) {
            T2S.put(T2S_FROM.charAt(i), T2S_TO.charAt(i));
        }
    }

    private static final List<String> SUFFIXES = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "集团", "控股", "股份", "科技", "技术",
            "智能科技", "信息", "网络", "公司", "inc", "ltd", "llc", "corp", "co");
    private static final Pattern PAREN = Pattern.compile("[（(][^）)]{1,8}[）)]");
    private static final Pattern DROP = Pattern.compile(
            "[\\s\"'“”‘’「」『』《》·・.,，、_-]", Pattern.UNICODE_CHARACTER_CLASS);

    /** The attributes scored over matched pairs, in printing order. */
    public static final List<String> ATTRS = List.of("sector", "city", "country", "date", "round", "stage", "amount");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Accuracy of one attribute. */
    public record Accuracy(int correct, int of, double accuracy) {
    }

    /** Detection scores of one event type: counted as the overall ones, over that type's events. */
    public record TypeScore(int gold, int predicted, int truePositives) {
        public double precision() {
            return predicted != 0 ? (double) truePositives / predicted : 0.0;
        }

        public double recall() {
            return gold != 0 ? (double) truePositives / gold : 0.0;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r != 0 ? 2 * p * r / (p + r) : 0.0;
        }
    }

    /** The outcome of one scoring run. */
    public record Result(int gold, int predicted, int truePositives, double precision, double recall, double f1,
                         Map<String, Accuracy> attributes, List<JsonNode> missed, List<JsonNode> falsePositives,
                         Map<String, TypeScore> byType) {
    }

    private Scorer() {
    }

    /** Name normalisation of score.py: width, case, traditional characters, (城市), quotes, legal suffixes. */
    public static String norm(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(T2S.getOrDefault(c, c));
        }
        s = PAREN.matcher(sb).replaceAll("");
        s = DROP.matcher(s).replaceAll("");
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            for (String suf : SUFFIXES) {
                if (s.endsWith(suf) && s.length() > suf.length() + 1) {
                    s = s.substring(0, s.length() - suf.length());
                    changed = true;
                }
            }
        }
        return s;
    }

    /** True when the predicted subject names the gold event's organisation (or one of its aliases). */
    public static boolean sameOrg(JsonNode gold, String predSubject) {
        String p = norm(predSubject);
        if (p.isEmpty()) {
            return false;
        }
        List<String> names = new ArrayList<>();
        names.add(text(gold.get("subject")));
        JsonNode aliases = gold.get("aliases");
        if (aliases != null && aliases.isArray()) {
            aliases.forEach(a -> names.add(text(a)));
        }
        for (String n : names) {
            String g = norm(n);
            if (g.isEmpty()) {
                continue;
            }
            if (g.equals(p)) {
                return true;
            }
            String shorter = g.length() <= p.length() ? g : p;
            String longer = g.length() <= p.length() ? p : g;
            if (shorter.length() >= 2 && longer.contains(shorter)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a JSON-lines file; blank lines are skipped. */
    public static List<JsonNode> load(Path path) {
        List<JsonNode> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        for (String line : lines) {
            n++;
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            try {
                out.add(JSON.readTree(l));
            } catch (IOException e) {
                throw new IllegalArgumentException(path + ":" + n + ": not JSON: " + e.getMessage(), e);
            }
        }
        return out;
    }

    static String base(JsonNode path) {
        String s = path == null || path.isNull() ? "" : path.asText();
        s = s.replace("\\", "/");
        int i = s.lastIndexOf('/');
        return i < 0 ? s : s.substring(i + 1);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static boolean amountOk(JsonNode g, JsonNode p) {
        if (p == null || !p.isObject()) {
            return false;
        }
        String gc = g.hasNonNull("currency") ? g.get("currency").asText() : "";
        String pc = p.hasNonNull("currency") ? p.get("currency").asText() : "";
        if (!gc.toUpperCase(Locale.ROOT).equals(pc.toUpperCase(Locale.ROOT))) {
            return false;
        }
        JsonNode gmin = g.get("min");
        JsonNode pmin = p.get("min");
        boolean gNull = gmin == null || gmin.isNull();
        boolean pNull = pmin == null || pmin.isNull();
        if (gNull || pNull) {
            return gNull && pNull;
        }
        double gv = gmin.asDouble();
        double pv = pmin.asDouble();
        return Math.abs(pv - gv) <= 0.01 * Math.max(Math.abs(gv), 1.0);
    }

    private static boolean optional(JsonNode g) {
        JsonNode o = g.get("optional");
        return o != null && o.asBoolean(false) && !(o.isTextual() && o.asText().isEmpty());
    }

    private static boolean isNullish(JsonNode n) {
        return n == null || n.isNull();
    }

    private static boolean equalValues(JsonNode g, JsonNode p) {
        if (isNullish(g) || isNullish(p)) {
            return isNullish(g) && isNullish(p);
        }
        if (g.isNumber() && p.isNumber()) {
            return g.decimalValue().compareTo(p.decimalValue()) == 0;
        }
        return g.equals(p);
    }

    /** Scores {@code pred} against {@code gold} exactly as score.py does. */
    public static Result score(List<JsonNode> gold, List<JsonNode> pred) {
        Set<Integer> used = new HashSet<>();
        List<JsonNode[]> matched = new ArrayList<>();
        List<JsonNode> missed = new ArrayList<>();
        for (JsonNode g : gold) {
            Integer hit = null;
            for (int i = 0; i < pred.size(); i++) {
                if (used.contains(i)) {
                    continue;
                }
                JsonNode p = pred.get(i);
                if (!base(p.get("source")).equals(base(g.get("source")))
                        || !java.util.Objects.equals(text(p.get("type")), text(g.get("type")))) {
                    continue;
                }
                if (sameOrg(g, text(p.get("subject")))) {
                    hit = i;
                    break;
                }
            }
            if (hit == null) {
                if (!optional(g)) {
                    missed.add(g);
                }
            } else {
                used.add(hit);
                matched.add(new JsonNode[] {g, pred.get(hit)});
            }
        }
        List<JsonNode[]> scored = new ArrayList<>();
        for (JsonNode[] m : matched) {
            if (!optional(m[0])) {
                scored.add(m);
            }
        }
        int optionalHits = matched.size() - scored.size();
        int nGold = 0;
        for (JsonNode g : gold) {
            if (!optional(g)) {
                nGold++;
            }
        }
        int nPred = pred.size() - optionalHits;
        int tp = scored.size();
        double precision = nPred != 0 ? (double) tp / nPred : 0.0;
        double recall = nGold != 0 ? (double) tp / nGold : 0.0;
        double f1 = precision + recall != 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        Map<String, Accuracy> attrs = new LinkedHashMap<>();
        for (String a : ATTRS) {
            int of = 0;
            int ok = 0;
            for (JsonNode[] m : matched) {
                JsonNode g = m[0];
                JsonNode p = m[1];
                if (!g.has(a)) {
                    continue;
                }
                JsonNode gv = g.get(a);
                if ((a.equals("city") || a.equals("country") || a.equals("date"))
                        && (gv.isNull() || gv.isTextual() && gv.asText().equals("unknown"))) {
                    continue;
                }
                of++;
                if (a.equals("amount")) {
                    if (gv.isNull() && isNullish(p.get(a)) || !gv.isNull() && amountOk(gv, p.get(a))) {
                        ok++;
                    }
                } else if (equalValues(gv, p.get(a))) {
                    ok++;
                }
            }
            if (of > 0) {
                attrs.put(a, new Accuracy(ok, of, (double) ok / of));
            }
        }
        List<JsonNode> falsePositives = new ArrayList<>();
        for (int i = 0; i < pred.size(); i++) {
            if (!used.contains(i)) {
                falsePositives.add(pred.get(i));
            }
        }
        return new Result(nGold, nPred, tp, precision, recall, f1, attrs, missed, falsePositives,
                byType(gold, pred, matched));
    }

    /**
     * Per event type, in the order of the types' first appearance in gold then predictions: non-optional gold
     * events, predictions less those matched to optional gold events, and true positives, as {@link #score}
     * counts them overall.
     */
    private static Map<String, TypeScore> byType(List<JsonNode> gold, List<JsonNode> pred, List<JsonNode[]> matched) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // gold, predicted, true positives
        for (JsonNode g : gold) {
            int[] c = counts.computeIfAbsent(String.valueOf(text(g.get("type"))), k -> new int[3]);
            if (!optional(g)) {
                c[0]++;
            }
        }
        for (JsonNode p : pred) {
            counts.computeIfAbsent(String.valueOf(text(p.get("type"))), k -> new int[3])[1]++;
        }
        for (JsonNode[] m : matched) {
            int[] c = counts.get(String.valueOf(text(m[0].get("type"))));
            if (optional(m[0])) {
                c[1]--;
            } else {
                c[2]++;
            }
        }
        Map<String, TypeScore> out = new LinkedHashMap<>();
        counts.forEach((type, c) -> out.put(type, new TypeScore(c[0], c[1], c[2])));
        return out;
    }

    /** Precision, recall and F1 of each event type, a line each, the weakest F1 first. */
    public static String byTypeReport(Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-15s %5s %5s %5s  %-9s %-9s %s%n",
                "type", "gold", "pred", "match", "precision", "recall", "f1"));
        r.byType().entrySet().stream()
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(TypeScore::f1)))
                .forEach(e -> {
                    TypeScore t = e.getValue();
                    sb.append(String.format(Locale.ROOT, "%-15s %5d %5d %5d  %-9s %-9s %s%n", e.getKey(), t.gold(),
                            t.predicted(), t.truePositives(), fixed3(t.precision()), fixed3(t.recall()), fixed3(t.f1())));
                });
        return sb.toString();
    }

    /** The text score.py prints (with {@code --show-misses}, the MISSED / EXTRA lines first). */
    public static String report(Result r, boolean showMisses) {
        StringBuilder sb = new StringBuilder();
        if (showMisses) {
            for (JsonNode g : r.missed()) {
                sb.append(String.format(Locale.ROOT, "MISSED  %s  %-14s %s%n", base(g.get("source")),
                        text(g.get("type")), py(g.get("subject"))));
            }
            for (JsonNode p : r.falsePositives()) {
                String type = p.has("type") ? py(p.get("type")) : "?";
                sb.append(String.format(Locale.ROOT, "EXTRA   %s  %-14s %s%n", base(p.get("source")), type,
                        py(p.get("subject"))));
            }
        }
        for (Map.Entry<String, Accuracy> e : r.attributes().entrySet()) {
            Accuracy v = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-8s %4d/%-4d %s%n", e.getKey(), v.correct(), v.of(),
                    fixed3(v.accuracy())));
        }
        sb.append(String.format(Locale.ROOT, "gold %d  predicted %d  matched %d%n", r.gold(), r.predicted(),
                r.truePositives()));
        sb.append(String.format(Locale.ROOT, "precision %s  recall %s  f1 %s%n", fixed3(r.precision()),
                fixed3(r.recall()), fixed3(r.f1())));
        return sb.toString();
    }

    /** The one-line JSON of {@code score.py --json}. */
    public static String json(Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("gold", r.gold());
        o.put("predicted", r.predicted());
        o.put("true_positives", r.truePositives());
        o.put("precision", r.precision());
        o.put("recall", r.recall());
        o.put("f1", r.f1());
        ObjectNode attrs = o.putObject("attributes");
        r.attributes().forEach((k, v) -> {
            ObjectNode a = attrs.putObject(k);
            a.put("correct", v.correct());
            a.put("of", v.of());
            a.put("accuracy", v.accuracy());
        });
        o.put("missed", r.missed().size());
        o.put("false_positives", r.falsePositives().size());
        try {
            return JSON.writeValueAsString(o).replace(",", ", ").replace(":", ": ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Python's {@code format(x, ".3f")}: the exact binary value rounded half to even. */
    static String fixed3(double x) {
        return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Python's str() of a JSON value as score.py prints it. */
    private static String py(JsonNode n) {
        if (n == null || n.isNull()) {
            return "None";
        }
        return n.isTextual() ? n.asText() : n.toString();
    }
}
