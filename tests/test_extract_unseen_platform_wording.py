"""Platform, scenario, service and operation rules on wording no rule author had seen: one
sentence per property of text, each in words other than the dev document that showed it."""

import pytest

from tests.extract_support import indicator_findings, project_extractor


def _findings(text: str, indicator: str, city: str = "南京") -> set[tuple[str, str]]:
    return indicator_findings(text, indicator, city)


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # "发挥重要作用" tells what a running platform did; only "…的重要…" judges the topic
    ("城市大脑在今年防汛防台中发挥了重要作用。", "城市运行平台", {("city_brain", "built")}),
    ("城市运行管理服务平台在保障春运期间起到了重要作用。", "城市运行平台",
     {("city_brain", "built")}),
    ("实景三维南京在城市更新中发挥着重要的支撑作用。", "城市基础共性平台",
     {("one_kind", "built")}),
    # a judgement still names the concept only
    ("城市大脑是城市治理现代化的重要抓手。", "城市运行平台", set()),
    ("CIM平台是智慧城市的重要基础设施。", "城市基础共性平台", set()),
])
def test_important_role_is_a_fact_and_judgement_is_not(text, indicator, expected):
    assert _findings(text, indicator) == expected


def test_unified_vital_signs_system_is_no_operation_platform():
    # 城市运行 followed by 体征 names the vital-signs system, not a unified operation platform
    text = "下一步将把各部门监测数据接入全市统一的城市运行体征监测平台。"
    assert _findings(text, "城市运行平台") == set()
    assert _findings(text, "城市生命体征") == {("planned", "planned")}
    assert _findings("全市统一的城市运行管理服务平台已于6月上线。", "城市运行平台") >= {
        ("unified_platform", "built")}


def test_named_vital_signs_system_beside_other_modules():
    # the modules listed are the platform's others; the named system is still a system
    text = "平台包括城市体征指标体系、事件处置、指挥调度等功能模块，已上线运行。"
    assert _findings(text, "城市生命体征") == {("built", "built")}
    text = ("项目拟建设监测预警、指挥调度等功能模块，"
            "并将燃气、桥梁监测数据纳入城市运行体征监测体系。")
    assert _findings(text, "城市生命体征") == {("planned", "planned")}


@pytest.mark.parametrize(("text", "indicator"), [
    # a building project kicked off, tendered for or bought is yet to come, whatever its name
    ("南京市城市大脑二期建设项目启动仪式在市民中心举行。", "城市运行平台"),
    ("市城市运行管理服务平台建设项目启动会召开。", "城市运行平台"),
    ("南京市CIM基础平台（二期）建设启动会召开。", "城市基础共性平台"),
    ("实景三维城市建设项目正式开工，计划明年建成。", "城市基础共性平台"),
    ("由市自然资源和规划局牵头，时空大数据平台年内完成招标。", "城市基础共性平台"),
])
def test_project_kicked_off_or_tendered_is_a_plan(text, indicator):
    assert _findings(text, indicator) == {("planned", "planned")}


def test_centre_starting_a_response_is_no_project():
    # 启动 of an emergency response is the centre at work, not a project started; the centre
    # acting as a body (调度, 牵头, 派单) with no cue of its own reports no platform either
    text = "城市运行管理中心启动应急响应，调度各部门处置积水点位。"
    assert _findings(text, "城市运行平台") == set()
    text = "城市运行管理中心去年建成投用，调度各部门处置积水点位。"
    assert _findings(text, "城市运行平台") == {("city_brain", "built")}


@pytest.mark.parametrize(("text", "expected"), [
    # a group given the whole city's digital building and operation is its operation company
    ("深圳市某科技发展集团作为市属国有企业，承担全市智慧城市和数字政府建设运营任务。",
     {("operation_company", "built")}),
    ("市城发集团负责全市数字政府项目的统一建设和运营。", {("operation_company", "built")}),
    # a group named as the authorised-operation platform's builder is that indicator's matter
    ("由市大数据集团建设运营的公共数据授权运营平台已上线。", set()),
    # a mechanism told by its two sides, the government and a company, without the word 政企;
    # task words quoted in its name are no plan
    ("市政府与某信息集团建立“季度会商、项目清单、专班推进”合作机制，全年落地项目11个。",
     {("mechanism", "issued")}),
    ("某信息集团与市大数据局建立了数字化项目合作机制。", {("mechanism", "issued")}),
    ("市政府与某大学建立数据科研合作机制。", set()),
    ("推动企业与高校建立数字技术产学研合作机制。", set()),
])
def test_operation_company_and_mechanism_by_their_parts(text, expected):
    assert _findings(text, "政企合作机制", "深圳") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the system told as what it does: the city's data and facilities under one operation
    ("我市对政务云、公共数据平台和物联感知设施实行统一运营，由市大数据中心负责。",
     {("system_built", "built")}),
    ("下一步将推动政务云和数据平台统一运营。", {("planned", "planned")}),
    # a model's name, a scheme still to write, another operator's business, others joining in
    ("按照“一个主体、统一运营”模式推进新型智慧城市项目建设运营。", set()),
    ("年内制定数据、设施一体化运营方案。", set()),
    ("全市景区实行统一运营，票务平台数据共享。", set()),
    ("下一步，我们将积极探索引入社会力量参与城市数字化运营。", set()),
    # the say passed on and answered makes the system one with feedback
    ("市政务云和数据平台已实行统一运营。市民和企业可在App对各项运营服务打分评价，"
     "意见每周汇总后转交运营单位并限期答复。",
     {("system_built", "built"), ("with_feedback", "built")}),
])
def test_operation_system_by_what_it_operates(text, expected):
    assert _findings(text, "运营体系建设", "绍兴") == expected


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # the grid under a longer name joined to an enforcement platform
    ("推进智慧网格与行政执法系统对接，年内实现问题直接流转。", "基层执法平台",
     {("planned", "planned")}),
    ("我市已建成网格化管理与综合执法联动平台，网格员上报线索在线推送执法队。", "基层执法平台",
     {("built", "built")}),
    ("全市网格化管理平台已覆盖所有社区。", "基层执法平台", set()),
    # a local standard for handling the items is a standard, not items done
    ("市场监管局发布《政务服务“一件事”集成办理规范》等3项地方标准。", "政务增值化服务", set()),
    ("我市已推出“开办餐饮店”等26个“一件事”，企业办事时间压减一半。", "政务增值化服务",
     {("implemented", "built")}),
])
def test_grid_names_and_item_standards(text, indicator, expected):
    assert _findings(text, indicator, "滁州") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # data applications landed in named domains are the 数据要素× scenarios, counted by domain
    ("截至目前，我市已在金融服务、医疗健康、城市治理三个领域上线数据应用场景15个。",
     {("applied", "built", 3.0)}),
    ("依托平台，一批数据应用在多个领域落地。在医疗健康领域，电子病历实现共享调阅；"
     "在文化旅游领域，景区客流数据实时接入。", {("applied", "built", 2.0)}),
    ("围绕工业制造、现代农业等领域征集数据应用场景建设方案。", {("planned", "planned", None)}),
    # told as landed already, with the domains in the sentences after it; a bare task is nothing
    ("平台已支撑多个数据应用落地。在金融服务领域，“宿信贷”应用累计放款27亿元；"
     "在现代农业领域，“智慧稻麦”应用服务农田62万亩。", {("applied", "built", 2.0)}),
    ("推动政务数据应用落地，提升群众办事效率。", set()),
    # a bureau's name is no application
    ("西宁市大数据应用发展管理局在金融领域开展调研。", set()),
])
def test_data_applications_in_domains(text, expected):
    rows = project_extractor().extract(text, "西宁")
    assert {(r.level, r.status, r.quantity) for r in rows if r.indicator == "场景应用"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 一网统管 qualifying the platform's own name is the unified platform
    ("梁溪区“一网统管”城市运行管理平台入选全国数字政府建设典型案例。",
     {("unified_platform", "built"), ("city_brain", "built")}),
    # a platform someone maintains exists, even when the operator's task lies ahead; a
    # platform whose own existence lies ahead (建成后, 拟新建) is no fact
    ("城市大脑已接入部门系统46个，由市大数据公司负责日常运维。", {("city_brain", "built")}),
    ("根据市政府授权，公司将承担城市大脑、市公共数据平台等设施的日常运营维护。",
     {("city_brain", "built")}),
    ("今后，市城市运行管理中心的日常运维将交由该公司负责。", {("city_brain", "built")}),
    ("公司将承接智慧城市项目建成后的统一运营，负责城市大脑等项目的日常运维。", set()),
    ("拟新建的城市大脑二期将委托国企运维。", set()),
    ("市大数据局印发运营管理规范，对政务云、城市大脑等项目的设施运维提出统一要求。", set()),
])
def test_operation_platform_named_and_maintained(text, expected):
    assert _findings(text, "城市运行平台", "无锡") == expected


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    # a company still to be set up is an intent, whatever the meeting's verb
    ("市政府常务会议研究了拟成立城市数字化运营公司的方案。", "政企合作机制",
     {("mentioned", "planned")}),
    # the company at the city's level, denied
    ("目前我市还没有成立市级运营公司，数字化项目由各单位自行运维。", "政企合作机制",
     {("operation_company", "negated")}),
    # cooperation urged in a talk stays a mention
    ("市长会见某科技集团客人，双方就深化政企合作进行了交流。", "政企合作机制",
     {("mentioned", "mentioned")}),
    # a visiting group's talk is about the place visited
    ("考察组在某科技集团就政企合作开展城市数字化运营进行了座谈。", "政企合作机制", set()),
    ("考察组在某科技集团就政企合作开展城市数字化运营进行了座谈。", "运营体系建设", set()),
])
def test_company_intent_denial_and_talks(text, indicator, expected):
    assert _findings(text, indicator, "廊坊") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the partner of a link already made runs; a link still to make leaves it unknown
    ("平台已与市级基层社会治理平台、12345热线系统完成对接。", {("built", "built")}),
    ("城市大脑已同社会治理指挥中心实现数据对接。", {("built", "built")}),
    ("下一步将推动平台与各区基层治理系统对接。", set()),
])
def test_governance_platform_linked(text, expected):
    assert _findings(text, "基层治理平台", "襄阳") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list of items published puts them into service: built, not a policy issued
    ("市政务服务中心公布第二批“一件事”清单，共12项。", {("implemented", "built", 12.0)}),
    ("下月将发布第二批“一件事”清单。", {("mentioned", "planned", None)}),
    ("各部门要梳理“一件事”事项清单。", {("mentioned", "mentioned", None)}),
    ("目前尚未发布“一件事”清单。", {("implemented", "negated", None)}),
])
def test_item_list_published(text, expected):
    rows = project_extractor().extract(text, "杭州")
    assert {(r.level, r.status, r.quantity) for r in rows
            if r.indicator == "政务增值化服务"} == expected


@pytest.mark.parametrize(("text", "indicator"), [
    # a topic word used for something else
    ("时空大数据分析显示，春节期间全市客流同比增长20%。", "城市基础共性平台"),   # data analysed
    ("专家就CIM技术在建筑设计中的应用作了专题讲座。", "城市基础共性平台"),       # a talk
    ("受访者表示，全市经济运行体征平稳向好。", "城市生命体征"),                 # the economy's
    ("把群众的事当作头等大事，一件事一件事抓落实。", "政务增值化服务"),         # an idiom
    ("市长强调，要当好服务企业的“店小二”，把每一件事办好。", "政务增值化服务"),
    ("银行为小微企业提供多项增值服务。", "政务增值化服务"),                     # a bank's business
    ("华为公司数据运营中心在贵安新区投入使用。", "运营体系建设"),               # one operator's
])
def test_topic_word_used_for_something_else(text, indicator):
    assert _findings(text, indicator) == set()


@pytest.mark.parametrize(("text", "indicator", "expected"), [
    ("南海区时空大数据平台正式上线。", "城市基础共性平台", {("one_kind", "built")}),
    ("我市深化政务服务增值化改革，已在市政务服务中心设立企业增值服务专区。", "政务增值化服务",
     {("implemented", "built")}),
    ("市城市运营中心统筹数据运营、设施运营和服务运营，已运行一年。", "运营体系建设",
     {("system_built", "built")}),
])
def test_the_same_words_naming_the_thing(text, indicator, expected):
    # a clause that urges the reform may add its mention; the fact is what counts
    assert expected <= _findings(text, indicator)


@pytest.mark.parametrize(("text", "indicator"), [
    # a share of the building done, a module in development or a pilot just started: a plan
    ("全市一网统管平台建设完成率达到60%。", "城市运行平台"),
    ("CIM基础平台一期已完成数据采集，系统开发正在进行。", "城市基础共性平台"),
    ("“网格+执法”平台试点工作正式启动。", "基层执法平台"),
    ("城市生命体征监测系统建设完成率已达八成。", "城市生命体征"),
])
def test_work_under_way_is_a_plan(text, indicator):
    assert _findings(text, indicator) == {("planned", "planned")}


@pytest.mark.parametrize(("text", "expected"), [
    # a factory in production exists; one still to start production does not yet
    ("我市首个5G全连接工厂在经开区投产。", {("one_space", "built")}),
    ("某企业数字化车间已全面达产，产能提升30%。", {("one_space", "built")}),
    ("该智能工厂预计明年投产。", {("mentioned", "mentioned")}),
])
def test_factory_in_production(text, expected):
    assert _findings(text, "数字化场景") == expected


@pytest.mark.parametrize("text", [
    # the city brain and the operation centre under other cities' names
    "我市城市智能体已于去年建成，接入部门系统48个。",
    "城市数字大脑上线运行，汇聚数据12亿条。",
    "城市运行监测中心投入使用，对燃气、桥梁等实时监测。",
    "市城市综合运行管理中心揭牌运行。",
    "城市管理综合指挥平台已覆盖全市各街道。",
])
def test_operation_platform_other_names(text):
    assert _findings(text, "城市运行平台") == {("city_brain", "built")}


def test_incidents_in_an_item_list_are_city_resilience():
    text = "首批将城市内涝、燃气泄漏、道路塌陷等8类事件纳入“一件事”清单。"
    assert _findings(text, "政务增值化服务", "株洲") == set()


def test_city_brain_called_super_brain():
    text = "长沙城市超级大脑已汇集交通、政务、医疗等领域数据，支撑“城市事件智能发现”等应用。"
    assert _findings(text, "城市运行平台", "长沙") == {("city_brain", "built")}


@pytest.mark.parametrize("text", [
    # the centre as a venue, a body on duty or the subject of a standard is no platform reported
    "9月26日，市城市运行生命体征监测系统在市城市运行管理中心正式上线。",
    "节假日期间，市城市运行管理中心、市应急指挥中心实行24小时值班。",
    "市市场监管局批准发布《城市大脑数据接入规范》等4项地方标准。",
])
def test_centre_as_venue_duty_or_standard(text):
    assert _findings(text, "城市运行平台") == set()


def test_managing_items_by_list_is_no_list_published():
    text = "推动政务服务从“能办”向“好办”转变，重点事项清单化管理，每年推出一批“一件事”。"
    assert ("implemented", "built") not in _findings(text, "政务增值化服务", "昆明")


@pytest.mark.parametrize(("text", "expected"), [
    # the grid-enforcement link rolled out runs; rolled out ahead is a plan
    ("今年全市推开“网格+执法”模式，执法指挥平台与网格化社会治理平台实现事件双向流转。",
     {("built", "built")}),
    ("下一步将在全市推开“网格+执法”模式。", {("planned", "planned")}),
    ("计划明年探索推行“网格+执法”模式。", {("planned", "planned")}),
])
def test_grid_enforcement_rolled_out(text, expected):
    assert _findings(text, "基层执法平台", "宿迁") == expected
