"""Engine behaviours from unseen wording (d1190–d1289): status, carry, follow-ups, quantities,
attribution. Each sentence was written in words of our own, not copied from the corpus."""

from tests.extract_support import project_extractor


def _status(sentence: str, keyword: str) -> str:
    """The first status the detector gives the keyword's hit in a one-sentence text."""
    detector = project_extractor().status
    at = sentence.index(keyword)
    return detector.detect(sentence, 0, len(sentence), at, at + len(keyword))[0]


def test_steps_done_before_a_launch_still_ahead_are_a_plan():
    # Each sentence finishes steps (design, purchase, tender, topping out, building works) and
    # expects the launch later: the thing is not there yet.
    for sentence, keyword in (
            ("该平台由市数字产业集团承建，目前已完成总体方案设计和硬件采购，正在开展模块开发，"
             "预计明年上半年上线试运行", "平台"),
            ("城市大脑项目已于3月立项，硬件设备已采购到位，力争年底前建成投用", "城市大脑"),
            ("算力中心主体结构已于上月封顶，目前正在进行设备安装调试，届时将形成300P智能算力",
             "算力中心"),
            ("运行管理平台已完成招标和需求分析，计划今年10月投入使用", "运行管理平台")):
        assert _status(sentence, keyword) == "planned", sentence


def test_a_part_already_running_keeps_the_fact_beside_a_launch_ahead():
    # "一期已上线运行" is done; the launch ahead is the second phase's.
    for sentence in ("城市大脑一期已上线运行，二期已完成采购，预计年底前建成",
                     "公共数据平台已上线运行，累计归集数据12亿条，预计年底前完成与省平台对接"):
        assert _status(sentence, sentence[:4]) == "built", sentence


def test_a_clause_already_done_ends_what_an_opening_plan_word_governs():
    # 将 governs "组建团队"; "目前三类业务已全部开展" is done, so "形成…体系" after it is a fact.
    sentence = "公司将按三条线组建团队，目前三类运营业务已全部开展，形成统一的运营服务体系"
    assert _status(sentence, "运营服务体系") == "built"
    # With no done clause between, the plan word still governs the list.
    assert _status("将出台授权运营管理办法，建成授权运营平台", "授权运营平台") == "planned"
