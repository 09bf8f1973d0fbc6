"""The matching copy must keep the stored text's length so offsets stay valid."""

from extractors.normalize import normalize_for_matching


def test_traditional_folded_to_simplified_same_length():
    text = "臺北市數據資源管理局印發《公共數據授權運營辦法》"
    norm = normalize_for_matching(text)
    assert norm == "台北市数据资源管理局印发《公共数据授权运营办法》"
    assert len(norm) == len(text)


def test_full_width_letters_and_digits_folded_chinese_punctuation_kept():
    text = "算力达到３００Ｐ；ＡＢＣ　（试行）：二期＋"
    assert normalize_for_matching(text) == "算力达到300p；abc　（试行）：二期+"


def test_simplified_words_that_look_traditional_are_kept():
    assert normalize_for_matching("效果显著，乾坤") == "效果显著，乾坤"


def test_offsets_map_back_to_stored_text():
    text = "一、總體要求\n　　建成「城市大腦」，接入ＩｏＴ設備。"
    norm = normalize_for_matching(text)
    start = norm.index("城市大脑")
    assert text[start:start + 4] == "城市大腦"
    start = norm.index("iot")
    assert text[start:start + 3] == "ＩｏＴ"


def test_characters_that_expand_under_nfkc_are_kept():
    text = "㎡面积①号İ"  # NFKC turns ㎡ into two characters (kept) and ① into one (folded)
    norm = normalize_for_matching(text)
    assert len(norm) == len(text)
    assert norm[:5] == "㎡面积1号"


def test_text_with_nothing_to_change_is_returned_as_it_is():
    text = "全市建成5g基站，“一网通办”上线。\n"
    assert normalize_for_matching(text) is text


def test_capitals_anywhere_are_lowered_beyond_the_basic_plane_too():
    # a capital after a long plain run, a Greek capital, and a Deseret capital (U+10400)
    text = "数据" * 50 + "IPv6 ΣΑ 𐐀"
    norm = normalize_for_matching(text)
    assert norm == "数据" * 50 + "ipv6 σα 𐐨" and len(norm) == len(text)
