# ruff: noqa: E501  (prose: sentences read better unbroken than split at 110 columns)
"""The demo's page texts in English, Russian and Chinese (cms/demo.py writes them as pages).

Figures an editor types (rather than the live counts) are descriptions of the platform's own
service, not statistics about Ordos.
"""

EN, RU, ZH = "en", "ru", "zh-hans"

HOME = {
    EN: {
        "title": "Ordos Industrial Exchange",
        "hero_title": "Industrial goods made in Ordos",
        "hero_text": "Chemicals, vehicles, new-energy products, cashmere and spirulina from verified Inner "
        "Mongolian manufacturers. Request quotes, compare, and export through 9710/9810.",
        "search_description": "B2B marketplace for industrial goods made in Ordos, Inner Mongolia: chemicals, "
        "batteries, vehicles, cashmere and spirulina from verified manufacturers.",
    },
    RU: {
        "title": "Ордосская промышленная биржа",
        "hero_title": "Промышленные товары из Ордоса",
        "hero_text": "Химия, техника, продукция новой энергетики, кашемир и спирулина от проверенных "
        "производителей Внутренней Монголии. Запрашивайте цены, сравнивайте и экспортируйте по 9710/9810.",
        "search_description": "B2B-площадка промышленных товаров из Ордоса (Внутренняя Монголия): химия, "
        "аккумуляторы, техника, кашемир и спирулина от проверенных производителей.",
    },
    ZH: {
        "title": "鄂尔多斯工业品交易平台",
        "hero_title": "鄂尔多斯制造的工业品",
        "hero_text": "来自内蒙古经过认证的生产企业的化工产品、车辆、新能源产品、羊绒和螺旋藻。在线询价、比价，"
        "并通过 9710/9810 模式出口。",
        "search_description": "鄂尔多斯工业品跨境 B2B 平台：经过认证企业的化工、电池、车辆、羊绒和螺旋藻产品。",
    },
}

# Headings of the blocks every belt page carries.
LABELS = {
    EN: {
        "figures": "The belt in numbers",
        "featured": "Featured products",
        "suppliers": "Verified suppliers of this belt",
        "links": "Find goods quickly",
        "cta": "Need a quote for this category?",
        "cta_text": "Describe the goods, quantity and destination once: every matching verified supplier "
        "is asked to quote, and you compare the offers side by side.",
        "cta_button": "Send an RFQ",
        "modes": "Trade modes for buyers",
    },
    RU: {
        "figures": "Кластер в цифрах",
        "featured": "Избранные товары",
        "suppliers": "Проверенные поставщики кластера",
        "links": "Быстрый поиск",
        "cta": "Нужна цена на товары этой категории?",
        "cta_text": "Опишите товар, количество и место назначения один раз: запрос получат все подходящие "
        "проверенные поставщики, а вы сравните предложения рядом.",
        "cta_button": "Отправить запрос",
        "modes": "Режимы торговли для покупателей",
    },
    ZH: {
        "figures": "产业带数据",
        "featured": "精选产品",
        "suppliers": "本产业带的认证供应商",
        "links": "快速查找",
        "cta": "需要该品类的报价？",
        "cta_text": "只需填写一次货物、数量和目的地：所有匹配的认证供应商都会收到询价，您可以并排比较报价。",
        "cta_button": "发送询价",
        "modes": "买家可用的贸易方式",
    },
}

BELTS = [
    {
        "slug": "coal-and-fine-chemicals",
        "categories": [
            "Chemicals > Coal chemicals",
            "Chemicals > Polymers",
            "Chemicals > Carbon materials",
            "Chemicals > Fertilisers",
        ],
        "query": "",
        "featured_query": "methanol",
        "links": [("methanol", "incoterm=FCA"), ("polypropylene", ""), ("urea", "")],
        "figure": ("9710 · 9810", {EN: "Export modes offered", RU: "Режимы экспорта", ZH: "可用出口模式"}),
        EN: {
            "title": "Coal and fine chemicals",
            "location": "Ordos coal-chemical parks: Dalad, Junggar, Hanggin and Ejin Horo",
            "intro": "Methanol, ethylene glycol, polypropylene, urea and carbon materials made from Ordos coal, "
            "shipped by rail to Central Asia and Russia or through Tianjin to the rest of the world.",
            "text": "<h2>Why buy here</h2><p>Producers in this belt turn local coal into methanol, olefins, "
            "glycol and fertilisers at large integrated plants. Every listing shows its CAS number, grade, "
            "dangerous-goods class and the Incoterms the supplier offers, and each supplier is verified "
            "before it can sell.</p><p>Dangerous chemicals always leave under a full customs declaration; "
            "the supplier or its customs broker files it, and you follow the status on your order.</p>",
            "links": ["Methanol, FCA", "Polypropylene", "Urea"],
        },
        RU: {
            "title": "Угольная и тонкая химия",
            "location": "Углехимические парки Ордоса: Далад, Джунгар, Ханггин и Эджин-Хоро",
            "intro": "Метанол, этиленгликоль, полипропилен, карбамид и углеродные материалы из ордосского угля "
            "— по железной дороге в Центральную Азию и Россию или через Тяньцзинь в другие страны.",
            "text": "<h2>Почему здесь</h2><p>Производители кластера перерабатывают местный уголь в метанол, "
            "олефины, гликоль и удобрения на крупных интегрированных заводах. В каждой карточке указаны номер "
            "CAS, марка, класс опасности и базисы поставки Инкотермс, а каждый поставщик проходит проверку до "
            "начала продаж.</p><p>Опасные химикаты всегда вывозятся по полной таможенной декларации; её подаёт "
            "поставщик или его таможенный брокер, а статус виден в вашем заказе.</p>",
            "links": ["Метанол, FCA", "Полипропилен", "Карбамид"],
        },
        ZH: {
            "title": "煤化工与精细化工",
            "location": "鄂尔多斯煤化工园区：达拉特、准格尔、杭锦、伊金霍洛",
            "intro": "以鄂尔多斯煤炭为原料的甲醇、乙二醇、聚丙烯、尿素和碳材料，经铁路发往中亚和俄罗斯，或经天津港发往世界各地。",
            "text": "<h2>为什么选择这里</h2><p>本产业带的企业在大型一体化装置中将本地煤炭转化为甲醇、烯烃、"
            "乙二醇和化肥。每个商品都标明 CAS 号、等级、危险品类别和供应商提供的贸易术语；每家供应商在销售前均经过认证。"
            "</p><p>危险化学品一律以报关单方式出口，由供应商或其报关行申报，您可以在订单中查看状态。</p>",
            "links": ["甲醇（FCA）", "聚丙烯", "尿素"],
        },
    },
    {
        "slug": "chlor-alkali-and-pvc",
        "categories": ["Chemicals > Chlor-alkali"],
        "query": "",
        "featured_query": "pvc",
        "links": [("caustic soda", ""), ("pvc resin", "")],
        "figure": (
            "FCA · CPT · CIF",
            {EN: "Common terms of sale", RU: "Типичные базисы поставки", ZH: "常用贸易术语"},
        ),
        EN: {
            "title": "Chlor-alkali and PVC",
            "location": "Dalad Banner and the Qipanjing industrial park, Otog Banner",
            "intro": "Caustic soda flakes and lye, calcium carbide and suspension PVC resin from the "
            "carbide-acetylene chain of western Inner Mongolia.",
            "text": "<h2>The chain in one place</h2><p>Salt, coal and limestone meet here: carbide furnaces feed "
            "acetylene to PVC lines, and the chlorine comes from caustic soda plants next door. Buyers order PVC "
            "resin by the container or by the wagon, and caustic soda as flakes in bags or as 32% and 50% lye in "
            "tank cars.</p>",
            "links": ["Caustic soda", "PVC resin"],
        },
        RU: {
            "title": "Хлор-щелочная химия и ПВХ",
            "location": "Хошун Далад и промышленный парк Ципаньцзин, хошун Оток",
            "intro": "Каустическая сода в чешуйках и растворе, карбид кальция и суспензионная смола ПВХ из "
            "карбидно-ацетиленовой цепочки западной Внутренней Монголии.",
            "text": "<h2>Вся цепочка рядом</h2><p>Здесь сходятся соль, уголь и известняк: карбидные печи дают "
            "ацетилен для линий ПВХ, а хлор поступает с соседних заводов каустической соды. Смолу ПВХ заказывают "
            "контейнерами или вагонами, каустик — чешуйками в мешках или раствором 32% и 50% в цистернах.</p>",
            "links": ["Каустическая сода", "Смола ПВХ"],
        },
        ZH: {
            "title": "氯碱与 PVC",
            "location": "达拉特旗及鄂托克旗棋盘井工业园区",
            "intro": "来自内蒙古西部电石乙炔产业链的片碱、液碱、电石和悬浮法 PVC 树脂。",
            "text": "<h2>完整产业链</h2><p>盐、煤和石灰石在这里汇聚：电石炉为 PVC 装置提供乙炔，氯气来自相邻的烧碱工厂。"
            "买家可以按集装箱或车皮订购 PVC 树脂，烧碱可选袋装片碱或 32%、50% 液碱槽车。</p>",
            "links": ["烧碱", "PVC 树脂"],
        },
    },
    {
        "slug": "new-energy-vehicles-and-batteries",
        "categories": [
            "New energy > Batteries",
            "New energy > Energy storage",
            "Vehicles > Passenger cars",
            "Vehicles > Trucks",
            "Vehicles > Tractor units",
        ],
        "query": "",
        "featured_query": "battery",
        "links": [("lfp battery", ""), ("electric", ""), ("dump truck", "")],
        "figure": (
            "UN3480 · UN3481 · UN3556",
            {
                EN: "Battery shipping entries handled",
                RU: "Оформляемые номера ООН для батарей",
                ZH: "可办理的电池运输编号",
            },
        ),
        EN: {
            "title": "New-energy vehicles and batteries",
            "location": "Dongsheng, Kangbashi and the Ordos high-tech zone",
            "intro": "LFP cells, modules, traction packs and storage cabinets, battery-electric cars and heavy "
            "trucks for mining and long-haul transport.",
            "text": "<h2>What to check before you buy</h2><p>Battery listings carry their chemistry, capacity, "
            "voltage and UN38.3 test summary. Vehicles carry VIN, powertrain and emission standard; used "
            "vehicles and, from 2026, pure-electric passenger cars need an export licence, which the supplier "
            "arranges before the declaration.</p>",
            "links": ["LFP batteries", "Electric vehicles", "Mining dump trucks"],
        },
        RU: {
            "title": "Электромобили и аккумуляторы",
            "location": "Дуншэн, Кангбаши и зона высоких технологий Ордоса",
            "intro": "LFP-ячейки, модули, тяговые батареи и шкафы накопителей, электромобили и тяжёлые "
            "грузовики для горных работ и магистральных перевозок.",
            "text": "<h2>Что проверить перед покупкой</h2><p>В карточках батарей указаны химия, ёмкость, "
            "напряжение и сводка испытаний UN38.3. У техники — VIN, тип силовой установки и экологический класс; "
            "для подержанной техники и, с 2026 года, для легковых электромобилей нужна экспортная лицензия — её "
            "оформляет поставщик до подачи декларации.</p>",
            "links": ["LFP-аккумуляторы", "Электромобили", "Карьерные самосвалы"],
        },
        ZH: {
            "title": "新能源汽车与电池",
            "location": "东胜区、康巴什区及鄂尔多斯高新区",
            "intro": "磷酸铁锂电芯、模组、动力电池包和储能柜，以及纯电动乘用车和用于矿区与长途运输的重型卡车。",
            "text": "<h2>购买前要核对什么</h2><p>电池商品标明化学体系、容量、电压和 UN38.3 测试摘要；车辆标明 VIN、"
            "动力类型和排放标准。二手车以及自 2026 年起的纯电动乘用车需要出口许可证，由供应商在申报前办理。</p>",
            "links": ["磷酸铁锂电池", "电动汽车", "矿用自卸车"],
        },
    },
    {
        "slug": "hydrogen-and-photovoltaics",
        "categories": ["New energy > Photovoltaics"],
        "query": "",
        "featured_query": "module",
        "links": [("topcon", ""), ("bifacial", "")],
        "figure": (
            "PERC · TOPCon · HJT",
            {EN: "Module technologies listed", RU: "Технологии модулей", ZH: "在售组件技术"},
        ),
        EN: {
            "title": "Hydrogen and photovoltaics",
            "location": "Otog Banner and the Kubuqi desert solar bases",
            "intro": "Monofacial and bifacial PV modules from Otog Banner makers, with hydrogen equipment "
            "suppliers joining the exchange as they are verified.",
            "text": "<h2>Sun and space</h2><p>The Kubuqi desert hosts some of China's largest solar bases, and "
            "module makers settled next to them. Listings state power class, cell technology, dimensions and "
            "the number of modules per pallet and container, so freight can be planned from the first quote.</p>",
            "links": ["TOPCon modules", "Bifacial modules"],
        },
        RU: {
            "title": "Водород и фотоэнергетика",
            "location": "Хошун Оток и солнечные базы пустыни Кубуци",
            "intro": "Односторонние и двусторонние солнечные модули производителей хошуна Оток; поставщики "
            "водородного оборудования присоединяются после проверки.",
            "text": "<h2>Солнце и простор</h2><p>В пустыне Кубуци расположены одни из крупнейших солнечных баз "
            "Китая, и производители модулей обосновались рядом. В карточках указаны мощность, технология ячеек, "
            "размеры и число модулей на паллете и в контейнере — перевозку можно планировать с первого "
            "предложения.</p>",
            "links": ["Модули TOPCon", "Двусторонние модули"],
        },
        ZH: {
            "title": "氢能与光伏",
            "location": "鄂托克旗及库布其沙漠光伏基地",
            "intro": "鄂托克旗企业生产的单面和双面光伏组件；氢能装备供应商通过认证后陆续入驻。",
            "text": "<h2>阳光与空间</h2><p>库布其沙漠拥有中国规模最大的光伏基地之一，组件企业就近布局。商品标明功率档、"
            "电池技术、尺寸以及每托盘、每集装箱的组件数量，从第一份报价起就能规划运输。</p>",
            "links": ["TOPCon 组件", "双面组件"],
        },
    },
    {
        "slug": "cashmere",
        "categories": ["Cashmere and textiles > Fibre", "Cashmere and textiles > Knitwear"],
        "query": "",
        "featured_query": "cashmere",
        "links": [("dehaired cashmere", ""), ("cashmere pullover", "")],
        "figure": (
            "5102 · 6110",
            {EN: "HS headings covered", RU: "Товарные позиции ТН ВЭД", ZH: "涉及 HS 税目"},
        ),
        EN: {
            "title": "Cashmere",
            "location": "Dongsheng District, home of the Ordos cashmere industry",
            "intro": "Dehaired cashmere fibre by colour and fineness, and knitted jerseys, pullovers and "
            "cardigans from Ordos mills.",
            "text": "<h2>From goat to garment</h2><p>Arbas and Alashan goats of the Ordos steppe grow some of the "
            "finest fibre in the world. Fibre listings give mean diameter, length and colour; knitwear "
            "listings give gauge, yarn count and minimum order per style and colour.</p>",
            "links": ["Dehaired fibre", "Pullovers"],
        },
        RU: {
            "title": "Кашемир",
            "location": "Район Дуншэн — центр ордосской кашемировой отрасли",
            "intro": "Очищенный кашемировый пух по цвету и тонине, а также трикотажные джемперы, пуловеры и "
            "кардиганы ордосских фабрик.",
            "text": "<h2>От козы до изделия</h2><p>Козы пород арбас и алашань ордосской степи дают один из самых "
            "тонких пухов в мире. В карточках пуха указаны средний диаметр, длина и цвет; в карточках трикотажа "
            "— класс вязки, номер пряжи и минимальный заказ на модель и цвет.</p>",
            "links": ["Очищенный пух", "Пуловеры"],
        },
        ZH: {
            "title": "羊绒",
            "location": "东胜区——鄂尔多斯羊绒产业的发源地",
            "intro": "按颜色和细度分级的无毛绒，以及鄂尔多斯工厂生产的针织衫、套衫和开衫。",
            "text": "<h2>从山羊到成衣</h2><p>鄂尔多斯草原上的阿尔巴斯和阿拉善绒山羊出产世界上最细的羊绒之一。"
            "原料商品标明平均细度、长度和颜色；针织品标明针型、纱支以及每款每色的起订量。</p>",
            "links": ["无毛绒", "套衫"],
        },
    },
    {
        "slug": "spirulina-and-agricultural-products",
        "categories": ["Food and spirulina > Spirulina", "Food and spirulina > Liquorice"],
        "query": "",
        "featured_query": "spirulina",
        "links": [("spirulina powder", ""), ("liquorice", "")],
        "figure": (
            "2106 · 1211",
            {EN: "HS headings covered", RU: "Товарные позиции ТН ВЭД", ZH: "涉及 HS 税目"},
        ),
        EN: {
            "title": "Spirulina and agricultural products",
            "location": "The alkaline lakes of Otog Front Banner and the liquorice fields of Hanggin",
            "intro": "Spirulina powder and tablets grown in natural alkaline lakes, and liquorice root and "
            "extract from the Hanggin steppe.",
            "text": "<h2>Food-grade exports</h2><p>Food goods may need producer registration in the importing "
            "country and a health certificate per shipment. Suppliers attach their certificates of analysis, "
            "and the exchange shows which registrations each producer holds.</p>",
            "links": ["Spirulina powder", "Liquorice"],
        },
        RU: {
            "title": "Спирулина и сельхозпродукция",
            "location": "Щелочные озёра хошуна Оток-Цяньци и солодковые поля Ханггина",
            "intro": "Порошок и таблетки спирулины, выращенной в природных щелочных озёрах, а также корень и "
            "экстракт солодки с ханггинской степи.",
            "text": "<h2>Пищевой экспорт</h2><p>Для пищевых товаров может потребоваться регистрация "
            "производителя в стране ввоза и ветеринарно-санитарный сертификат на каждую партию. Поставщики "
            "прикладывают сертификаты анализа, а биржа показывает регистрации каждого производителя.</p>",
            "links": ["Порошок спирулины", "Солодка"],
        },
        ZH: {
            "title": "螺旋藻与农产品",
            "location": "鄂托克前旗天然碱湖及杭锦旗甘草种植区",
            "intro": "在天然碱湖中养殖的螺旋藻粉和螺旋藻片，以及杭锦草原出产的甘草根和甘草提取物。",
            "text": "<h2>食品级出口</h2><p>食品可能需要在进口国办理生产企业注册，并为每批货物出具卫生证书。"
            "供应商上传检验报告，平台显示每家生产企业已取得的注册。</p>",
            "links": ["螺旋藻粉", "甘草"],
        },
    },
]

SHOWCASE = {
    "slug": "hanggin-methanol",
    "belt": "coal-and-fine-chemicals",
    EN: {
        "title": "Hanggin Methanol Chemical: AA-grade methanol by rail",
        "intro": "A coal-to-methanol producer in Hanggin Banner selling AA-grade methanol in ISO tanks and "
        "rail tank cars to buyers in Mongolia, Kazakhstan and Russia.",
        "text": "<p>The plant loads ISO tanks on site and books rail slots through the Ordos freight terminal. "
        "Every batch ships with a certificate of analysis and a 16-section safety data sheet.</p>",
        "quote": (
            "We quote FCA Ordos for rail buyers and CIF for sea buyers, in US dollars or yuan.",
            "Export sales team",
        ),
    },
    RU: {
        "title": "«Ханггин Метанол»: метанол марки AA по железной дороге",
        "intro": "Производитель метанола из угля в хошуне Ханггин продаёт метанол марки AA в танк-"
        "контейнерах и цистернах покупателям в Монголии, Казахстане и России.",
        "text": "<p>Завод наливает танк-контейнеры на площадке и бронирует отправки через грузовой терминал "
        "Ордоса. Каждая партия идёт с сертификатом анализа и паспортом безопасности из 16 разделов.</p>",
        "quote": (
            "Для железной дороги мы даём цену FCA Ордос, для моря — CIF, в долларах США или юанях.",
            "Отдел экспортных продаж",
        ),
    },
    ZH: {
        "title": "杭锦甲醇化工：铁路发运 AA 级甲醇",
        "intro": "杭锦旗的煤制甲醇企业，以罐式集装箱和铁路罐车向蒙古、哈萨克斯坦和俄罗斯买家供应 AA 级甲醇。",
        "text": "<p>工厂在厂区内灌装罐箱，并通过鄂尔多斯铁路货运站订舱。每批货物随附检验报告和 16 项安全技术说明书。</p>",
        "quote": ("铁路买家我们报 FCA 鄂尔多斯价，海运买家报 CIF 价，可用美元或人民币结算。", "出口销售部"),
    },
}

NEWS_INDEX = {
    "slug": "news",
    EN: {"title": "News", "intro": "News from the exchange, its suppliers and the Ordos pilot zone."},
    RU: {"title": "Новости", "intro": "Новости биржи, её поставщиков и пилотной зоны Ордоса."},
    ZH: {"title": "新闻", "intro": "平台、供应商和鄂尔多斯综试区的最新消息。"},
}

NEWS = [
    {
        "slug": "exchange-opens-to-foreign-buyers",
        "date": "2026-09-01",
        EN: {
            "title": "The exchange opens to buyers in Mongolia, Russia and Central Asia",
            "intro": "Foreign companies can now register, request quotes from verified Ordos manufacturers and "
            "follow their orders through export customs.",
            "text": "<p>Registration takes a few minutes: a buyer names its company and country and can send "
            "its first request for quotation at once. Suppliers are verified by the exchange's operators "
            "before they can quote.</p>",
        },
        RU: {
            "title": "Биржа открыта для покупателей из Монголии, России и Центральной Азии",
            "intro": "Иностранные компании могут зарегистрироваться, запрашивать цены у проверенных "
            "производителей Ордоса и отслеживать заказы до выпуска таможней.",
            "text": "<p>Регистрация занимает несколько минут: покупатель указывает компанию и страну и сразу "
            "может отправить первый запрос цен. Поставщиков проверяют операторы биржи до того, как они смогут "
            "отвечать на запросы.</p>",
        },
        ZH: {
            "title": "平台向蒙古、俄罗斯和中亚买家开放",
            "intro": "境外企业现在可以注册，向经过认证的鄂尔多斯生产企业询价，并跟踪订单直至出口通关。",
            "text": "<p>注册只需几分钟：买家填写公司名称和国家后即可发出第一份询价。供应商须经平台运营人员认证后才能报价。</p>",
        },
    },
    {
        "slug": "rail-consolidation-to-moscow",
        "date": "2026-10-12",
        EN: {
            "title": "Consolidated rail loads to Moscow for smaller chemical orders",
            "intro": "Buyers ordering less than a full container can now share China–Europe rail departures "
            "from Ordos with other buyers.",
            "text": "<p>The trade-service firms on the exchange group packaged, non-dangerous goods by "
            "destination and file one waybill per buyer. Dangerous goods still travel in their own "
            "containers with full declarations.</p>",
        },
        RU: {
            "title": "Сборные железнодорожные отправки в Москву для небольших заказов химии",
            "intro": "Покупатели, которым не нужен целый контейнер, теперь могут делить отправки поездов "
            "Китай — Европа из Ордоса с другими покупателями.",
            "text": "<p>Внешнеторговые сервисные компании биржи объединяют упакованные неопасные грузы по "
            "направлению и оформляют отдельную накладную на каждого покупателя. Опасные грузы по-прежнему "
            "едут в отдельных контейнерах по полной декларации.</p>",
        },
        ZH: {
            "title": "小批量化工订单可拼箱铁路发往莫斯科",
            "intro": "不足一整箱的买家现在可以与其他买家共享从鄂尔多斯出发的中欧班列。",
            "text": "<p>平台上的外贸综合服务企业按目的地集中包装好的非危险货物，并为每位买家分别申报运单。"
            "危险货物仍须单独装箱并以报关单申报。</p>",
        },
    },
    {
        "slug": "overseas-warehouse-bookings",
        "date": "2026-11-05",
        EN: {
            "title": "Suppliers can book stock into overseas warehouses under 9810",
            "intro": "Registered overseas warehouses in Almaty and Ulaanbaatar accept bookings from Ordos "
            "suppliers, so buyers there can order from local stock.",
            "text": "<p>The supplier exports its own goods to the warehouse under trade mode 9810 and sells "
            "from there later; the buyer receives goods from a warehouse in its own country, with shorter "
            "lead times.</p>",
        },
        RU: {
            "title": "Поставщики могут бронировать места на зарубежных складах по режиму 9810",
            "intro": "Зарегистрированные зарубежные склады в Алматы и Улан-Баторе принимают бронирования "
            "поставщиков Ордоса, и покупатели там могут заказывать товар с местного склада.",
            "text": "<p>Поставщик вывозит собственный товар на склад по режиму 9810 и продаёт его позже; "
            "покупатель получает товар со склада в своей стране с более коротким сроком поставки.</p>",
        },
        ZH: {
            "title": "供应商可按 9810 模式向海外仓订舱备货",
            "intro": "位于阿拉木图和乌兰巴托的已备案海外仓接受鄂尔多斯供应商订舱，当地买家可直接从本地库存下单。",
            "text": "<p>供应商以 9810 贸易方式将自有货物出口至海外仓，之后再行销售；买家从本国仓库收货，交货期更短。</p>",
        },
    },
]

POLICIES = [
    {
        "slug": "trade-rules",
        EN: {
            "title": "Trade rules",
            "intro": "How listings, quotes, orders and disputes work on the exchange.",
            "text": "<h2>Listings</h2><p>Only verified suppliers may list goods, and an operator reviews every "
            "listing before it is published. A listing that is withdrawn or rejected disappears from search "
            "and from every page at once.</p><h2>Quotes and orders</h2><p>A quote is binding until its "
            "validity date. When a buyer accepts it, the exchange creates the order with its payment "
            "milestones; changes need both parties' consent.</p><h2>Disputes</h2><p>Write to the operators "
            "through the contact page; they answer within one working day.</p>",
        },
        RU: {
            "title": "Правила торговли",
            "intro": "Как на бирже работают карточки товаров, предложения, заказы и споры.",
            "text": "<h2>Карточки товаров</h2><p>Размещать товары могут только проверенные поставщики, и оператор "
            "проверяет каждую карточку до публикации. Снятая или отклонённая карточка сразу исчезает из поиска и "
            "со всех страниц.</p><h2>Предложения и заказы</h2><p>Предложение обязательно до даты окончания "
            "действия. Когда покупатель его принимает, биржа создаёт заказ с этапами оплаты; изменения требуют "
            "согласия обеих сторон.</p><h2>Споры</h2><p>Напишите операторам через страницу контактов; они "
            "отвечают в течение одного рабочего дня.</p>",
        },
        ZH: {
            "title": "交易规则",
            "intro": "平台上的商品、报价、订单和争议处理规则。",
            "text": "<h2>商品发布</h2><p>只有经过认证的供应商可以发布商品，每个商品在发布前都由运营人员审核。"
            "被撤下或驳回的商品会立即从搜索和所有页面中消失。</p><h2>报价与订单</h2><p>报价在有效期内具有约束力。"
            "买家接受报价后，平台生成带付款节点的订单；任何变更须经双方同意。</p><h2>争议</h2><p>请通过联系页面"
            "联系运营人员，我们会在一个工作日内答复。</p>",
        },
    },
    {
        "slug": "pilot-zone-policy",
        EN: {
            "title": "The Ordos cross-border e-commerce pilot zone",
            "intro": "Ordos is one of China's cross-border e-commerce comprehensive pilot zones, approved in "
            "2022, with B2B industrial exports as its first priority.",
            "text": "<p>The zone's plan supports exports of coal and bio chemicals, vehicles, new-energy "
            "products, cashmere and spirulina, traceable from source to destination, with overseas warehouses "
            "and statistics by trade mode.</p><p>For buyers this means simpler export paperwork for small "
            "consignments, faster customs clearance for B2B orders, and suppliers whose identity and customs "
            "registration have been checked.</p>",
        },
        RU: {
            "title": "Пилотная зона трансграничной электронной торговли Ордоса",
            "intro": "Ордос — одна из комплексных пилотных зон трансграничной электронной торговли Китая, "
            "утверждённая в 2022 году; её первый приоритет — промышленный экспорт B2B.",
            "text": "<p>План зоны поддерживает экспорт угольной и биохимии, техники, продукции новой энергетики, "
            "кашемира и спирулины с прослеживаемостью от производителя до получателя, зарубежными складами и "
            "статистикой по режимам торговли.</p><p>Для покупателей это означает более простое оформление "
            "небольших партий, быстрый таможенный выпуск заказов B2B и поставщиков, чьи данные и таможенная "
            "регистрация проверены.</p>",
        },
        ZH: {
            "title": "鄂尔多斯跨境电子商务综合试验区",
            "intro": "鄂尔多斯是 2022 年获批的中国跨境电子商务综合试验区之一，以 B2B 工业品出口为首要方向。",
            "text": "<p>综试区方案支持煤化工和生物化工、车辆、新能源产品、羊绒和螺旋藻出口，做到来源可溯、去向可查，"
            "并建设海外仓、按贸易方式统计。</p><p>对买家而言，这意味着小批量货物出口手续更简便，B2B 订单通关更快，"
            "供应商的身份和海关备案都经过核验。</p>",
        },
    },
    {
        "slug": "how-9710-and-9810-work",
        EN: {
            "title": "How 9710 and 9810 work for buyers",
            "intro": "Two customs trade modes cover B2B exports through a cross-border platform: 9710 ships "
            "straight to you, 9810 ships to an overseas warehouse first.",
            "text": "<h2>9710: direct export</h2><p>You buy from an Ordos supplier on the exchange and the goods "
            "go straight to you. The supplier's order, the carrier's waybill and the customs filing carry the "
            "same order number, so customs can match them.</p><h2>9810: overseas warehouse</h2><p>The supplier "
            "ships its own stock to a registered warehouse abroad and sells it from there; you order from local "
            "stock and receive it faster.</p><h2>Small or large consignments</h2><p>A consignment of at most "
            "RMB 5,000 that needs no licence, inspection or tax may be filed on a simplified list; everything "
            "else, including dangerous chemicals and vehicles, goes on a full customs declaration.</p>",
            "table": [
                ["", "9710", "9810"],
                ["Goods go to", "The buyer", "An overseas warehouse"],
                ["Buyer known at export", "Yes", "No, at the later sale"],
            ],
        },
        RU: {
            "title": "Как работают режимы 9710 и 9810 для покупателей",
            "intro": "Экспорт B2B через трансграничную площадку оформляется в двух таможенных режимах: 9710 — "
            "напрямую вам, 9810 — сначала на зарубежный склад.",
            "text": "<h2>9710: прямой экспорт</h2><p>Вы покупаете у поставщика из Ордоса на бирже, и товар едет "
            "прямо к вам. Заказ поставщика, накладная перевозчика и таможенное оформление несут один номер "
            "заказа, чтобы таможня могла их сопоставить.</p><h2>9810: зарубежный склад</h2><p>Поставщик вывозит "
            "собственный товар на зарегистрированный склад за рубежом и продаёт его оттуда; вы заказываете с "
            "местного склада и получаете быстрее.</p><h2>Малые и крупные партии</h2><p>Партию до 5000 юаней без "
            "лицензий, досмотра и налогов можно оформить по упрощённому перечню; всё остальное, включая опасную "
            "химию и технику, — по полной таможенной декларации.</p>",
            "table": [
                ["", "9710", "9810"],
                ["Куда идёт товар", "Покупателю", "На зарубежный склад"],
                ["Покупатель известен при экспорте", "Да", "Нет, при последующей продаже"],
            ],
        },
        ZH: {
            "title": "买家须知：9710 与 9810 如何运作",
            "intro": "通过跨境平台进行的 B2B 出口有两种海关监管方式：9710 直接发给买家，9810 先发往海外仓。",
            "text": "<h2>9710：跨境电商 B2B 直接出口</h2><p>您在平台上向鄂尔多斯供应商采购，货物直接发往您处。"
            "供应商的订单、承运人的运单和海关申报使用同一订单号，便于海关比对。</p><h2>9810：出口海外仓</h2>"
            "<p>供应商先将自有货物运往境外已备案的仓库，再从那里销售；您从当地库存下单，收货更快。</p>"
            "<h2>小批量与大批量</h2><p>单票不超过人民币 5000 元、不涉证、不涉检、不涉税的货物可按申报清单申报；"
            "其他货物，包括危险化学品和车辆，须以报关单申报。</p>",
            "table": [
                ["", "9710", "9810"],
                ["货物去向", "买家", "海外仓"],
                ["出口时是否已知买家", "是", "否，销售时确定"],
            ],
        },
    },
]

CONTACT = {
    "slug": "contact",
    EN: {
        "title": "Contact the operators",
        "intro": "Questions about buying, selling or customs? Write to us and an operator answers within "
        "one working day.",
        "address": "Ordos Industrial Exchange\nKangbashi District, Ordos, Inner Mongolia, China\n"
        "Monday to Friday, 9:00–18:00 (UTC+8)",
        "thanks": "<p>We have your message. Meanwhile you can search the catalogue or read how 9710 and 9810 "
        "work.</p>",
        "fields": ["Your name", "Company", "Email", "Country", "Your message"],
    },
    RU: {
        "title": "Связаться с операторами",
        "intro": "Вопросы о покупке, продаже или таможне? Напишите нам — оператор ответит в течение одного "
        "рабочего дня.",
        "address": "Ордосская промышленная биржа\nРайон Кангбаши, Ордос, Внутренняя Монголия, Китай\n"
        "Понедельник — пятница, 9:00–18:00 (UTC+8)",
        "thanks": "<p>Мы получили ваше сообщение. А пока можно поискать товары в каталоге или прочитать, как "
        "работают режимы 9710 и 9810.</p>",
        "fields": ["Ваше имя", "Компания", "Эл. почта", "Страна", "Сообщение"],
    },
    ZH: {
        "title": "联系运营人员",
        "intro": "关于采购、销售或通关有疑问？请给我们留言，运营人员会在一个工作日内答复。",
        "address": "鄂尔多斯工业品交易平台\n中国内蒙古鄂尔多斯市康巴什区\n周一至周五 9:00–18:00（北京时间）",
        "thanks": "<p>我们已收到您的留言。您可以先搜索商品目录，或了解 9710 和 9810 如何运作。</p>",
        "fields": ["您的姓名", "公司", "电子邮箱", "国家", "留言内容"],
    },
}
# (lead attribute, field type, required) for each of CONTACT's fields, in order.
CONTACT_FIELDS = [
    ("name", "singleline", True),
    ("company", "singleline", False),
    ("email", "email", True),
    ("country", "singleline", False),
    ("message", "multiline", True),
]
