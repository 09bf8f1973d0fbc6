"""Rule files: a stage word (招标, 立项, 开工, 签约, …) tells the event of its own clause. A
sentence that tells a platform's whole story keeps the fact of the clause that says it runs,
while the stage word in the platform's own clause still makes it a plan."""

from tests.extract_support import findings

_HEAD = "工作动态\n发布时间：2024-03-05\n"


def _findings(sentence: str, city: str = "杭州") -> set[tuple[str, str, str]]:
    return findings(_HEAD + sentence, city)


def test_a_tender_for_the_next_phase_leaves_the_running_centre_built():
    # first clause: the centre runs (built); second: phase two is tendered (a plan of its own)
    found = _findings("市城市运行管理中心已投入运行，城市大脑二期项目正在公开招标。")
    assert ("城市运行平台", "city_brain", "built") in found
    assert ("城市运行平台", "planned", "planned") in found


def test_a_contract_signed_after_the_launch_is_another_event():
    found = _findings("我市城市大脑已于2023年上线运行，近日又与某科技公司签约开展三期建设。")
    assert ("城市运行平台", "city_brain", "built") in found


def test_a_stage_word_in_the_platform_clause_is_still_a_plan():
    for sentence in ("城市大脑二期项目已完成立项。", "城市大脑项目近日正式开工。",
                     "城市大脑二期项目正在公开招标采购，预计明年上线。"):
        found = _findings(sentence)
        assert ("城市运行平台", "planned", "planned") in found, sentence
        assert ("城市运行平台", "city_brain", "built") not in found, sentence


def test_works_going_on_anywhere_in_the_sentence_keep_the_project_planned():
    # 联调 in a later clause tells the state of the same project, so the clause's
    # 已完成主要功能开发 is a step on the way, not a platform that runs
    found = _findings("与中心配套的“一网统管”平台已完成主要功能开发，目前正在与公安、城管等部门系统"
                      "开展联调测试，计划年底前试运行。")
    assert ("城市运行平台", "unified_platform", "built") not in found
    assert ("城市运行平台", "planned", "planned") in found


def test_a_history_told_in_one_sentence_is_built():
    for sentence in ("杭州市城市大脑项目于2021年立项，次年开工建设，2023年建成投入使用。",
                     "市城市运行管理中心项目2022年完成公开招标，2023年6月正式投入运行。",
                     "我市与某科技公司签约共建城市大脑，并于2023年建成上线。"):
        found = _findings(sentence)
        assert ("城市运行平台", "city_brain", "built") in found, sentence
        assert ("城市运行平台", "planned", "planned") not in found, sentence


def test_a_history_that_ends_in_the_future_stays_planned():
    for sentence in ("城市大脑项目已于去年立项，预计2025年建成投入使用。",
                     "城市大脑项目正在公开招标，建成投入使用后将覆盖全市。"):
        found = _findings(sentence)
        assert ("城市运行平台", "planned", "planned") in found, sentence
        assert ("城市运行平台", "city_brain", "built") not in found, sentence


_CENTRE = "数字化转型协同发展"


def test_a_date_ahead_for_another_thing_leaves_the_centre_built():
    # 预计 dates the park in the second clause; the centre's own clause says it runs
    found = _findings("市数字化转型促进中心已投入运行，配套的数字经济产业园预计年底开园。")
    assert (_CENTRE, "built", "built") in found
    assert (_CENTRE, "planned", "planned") not in found


def test_a_centre_that_has_served_firms_runs_however_its_building_is_told():
    for sentence in ("市数字化转型促进中心由华为公司投资建设，已为200家企业提供服务。",
                     "市数字化转型促进中心由市工信局牵头建设，目前已服务企业300余家。"):
        found = _findings(sentence)
        assert (_CENTRE, "built", "built") in found, sentence
        assert (_CENTRE, "planned", "planned") not in found, sentence


def test_a_centre_dated_ahead_in_its_own_clause_is_planned():
    for sentence in ("市数字化转型促进中心预计年底挂牌运营。",
                     "市数字化转型促进中心建成后，将为200家企业提供服务。"):
        found = _findings(sentence)
        assert (_CENTRE, "planned", "planned") in found, sentence
        assert (_CENTRE, "built", "built") not in found, sentence


def test_a_project_started_is_a_plan():
    for sentence in ("去年，市数据局启动城市大脑建设项目。",
                     "今年3月，我市正式启动城市运行管理中心建设。",
                     "2023年，我市启动了“一网统管”平台一期工程。"):
        found = _findings(sentence)
        assert ("城市运行平台", "planned", "planned") in found, sentence
        assert not {f for f in found if f[2] == "built"}, sentence


def test_a_platform_started_running_is_built():
    for sentence in ("城市大脑于2023年正式启动运行，已接入部门系统56个。",
                     "市城市运行管理中心启动运行以来，累计处置事件12万件。"):
        assert ("城市运行平台", "city_brain", "built") in _findings(sentence), sentence


def test_a_compute_centre_history_ends_in_a_built_centre():
    # 立项 / 招标 are earlier steps; 建成投入使用 in a past year (2023 ≤ 2024) is the fact
    for sentence in ("市智算中心项目于2022年立项，次年开工建设，2023年底建成投入使用，"
                     "算力规模达300P。",
                     "市超算中心于2021年完成公开招标，2022年建成投用。"):
        assert ("算力基础设施", "built", "built") in _findings(sentence), sentence


def test_a_compute_centre_history_that_ends_ahead_is_no_fact():
    found = _findings("市智算中心项目已完成立项，预计2025年建成投入使用。")
    assert ("算力基础设施", "planned", "planned") in found
    assert ("算力基础设施", "built", "built") not in found


_DATA = "数据资源体系"


def test_a_data_platform_beside_a_later_phase_study_stays_built():
    # 可行性研究 belongs to phase two in the second clause; the platform's clause says it runs
    found = _findings("市一体化大数据平台已上线运行，二期项目正在开展可行性研究。")
    assert (_DATA, "platform_built", "built") in found


def test_a_data_platform_history_is_built_and_a_plan_ahead_is_not():
    found = _findings("市一体化大数据平台于2022年完成公开招标，2023年6月正式上线运行。")
    assert (_DATA, "platform_built", "built") in found
    for sentence in ("市一体化大数据平台二期项目已完成立项。",
                     "市一体化大数据平台项目已完成立项，预计2025年上线运行。"):
        found = _findings(sentence)
        assert (_DATA, "planned", "planned") in found, sentence
        assert (_DATA, "platform_built", "built") not in found, sentence


def test_an_emergency_platform_beside_a_later_phase_tender_stays_built():
    found = _findings("市应急指挥平台已投入使用，二期项目正在公开招标。")
    assert ("智慧应急", "built", "built") in found
    # the tender in the platform's own clause still yields no platform
    found = _findings("市应急指挥平台项目正在公开招标。")
    assert ("智慧应急", "built", "built") not in found


def test_a_sensing_platform_beside_a_later_phase_approval_stays_built():
    found = _findings("我市城市物联感知平台已建成，二期项目已完成可研批复。")
    assert ("物联感知体系", "platform_built", "built") in found
    # the paper in the platform's own clause is still its plan
    found = _findings("市城市物联感知平台项目已完成可行性研究报告编制。")
    assert ("物联感知体系", "planned", "planned") in found
    assert ("物联感知体系", "platform_built", "built") not in found


def test_a_privacy_computing_platform_beside_a_later_phase_study_stays_built():
    found = _findings("市隐私计算平台已上线运行，二期项目正在开展可行性研究。")
    assert ("数据流通基础设施", "built", "built") in found
    found = _findings("市隐私计算平台项目已完成可行性研究。")
    assert ("数据流通基础设施", "built", "built") not in found
