import json

from glue_jobs.keys import ObjectKey
from glue_jobs.lines import fold_attributes, parse_line, parse_object

INSTANCE = "i-0aaa0000000000001"
KEY = ObjectKey("k.json", "AWS:InstanceInformation", "111111111111", "us-east-1", "M", INSTANCE)
APPS = KEY._replace(type_name="AWS:Application")


def statuses(data: bytes, key: ObjectKey = APPS) -> list[tuple[int, str, str | None]]:
    return [(r.line_number, r.line_status, r.reject_reason) for r in parse_object(key, data)]


def test_crlf_line_endings_are_stripped_before_parsing():
    records = list(parse_object(APPS, b'{"Name": "vim"}\r\n{"Name": "sed"}\r\n'))
    assert [r.attributes for r in records] == [{"Name": "vim"}, {"Name": "sed"}]


def test_blank_and_whitespace_only_lines_are_blank_and_a_trailing_newline_is_not_a_line():
    assert statuses(b'{"Name": "a"}\n\n   \t\n{"Name": "b"}\n') == [
        (1, "parsed", None),
        (2, "blank", None),
        (3, "blank", None),
        (4, "parsed", None),
    ]


def test_a_truncated_last_line_is_malformed_and_the_good_lines_before_it_are_kept():
    assert statuses(b'{"Name": "a"}\n{"Name": "b", "Vers') == [
        (1, "parsed", None),
        (2, "rejected", "malformed_json"),
    ]


def test_a_pretty_printed_object_is_rejected_line_by_line():
    assert statuses(b'{\n  "Name": "a"\n}\n') == [
        (1, "rejected", "malformed_json"),
        (2, "rejected", "malformed_json"),
        (3, "rejected", "malformed_json"),
    ]


def test_json_that_is_not_an_object_is_rejected_with_its_raw_text():
    record = parse_line(APPS, 1, '["a", 1]')
    assert (record.line_status, record.reject_reason, record.raw_line) == (
        "rejected",
        "not_a_json_object",
        '["a", 1]',
    )


def test_a_body_resource_id_that_disagrees_with_the_key_is_rejected():
    record = parse_line(APPS, 1, json.dumps({"Name": "a", "resourceId": "i-0fffffffffffffff0"}))
    assert record.reject_reason == "resource_id_mismatch"


def test_a_rejected_raw_line_is_cut_to_2000_characters():
    assert len(parse_line(APPS, 1, "{" + "x" * 5000).raw_line) == 2000


def test_numbers_booleans_and_nested_values_become_their_json_text_and_are_noted():
    attributes, extra, notes = fold_attributes(
        "AWS:InstanceDetailedInformation",
        {
            "CPUs": 2,
            "CPUHyperThreadEnabled": True,
            "CPUModel": ["a", {"b": 1}],
            "OSServicePack": None,
        },
    )
    assert attributes == {"CPUs": "2", "CPUHyperThreadEnabled": "true", "CPUModel": '["a",{"b":1}]'}
    assert (extra, notes) == ({}, ["coerced_to_text"] * 3)


def test_keys_fold_case_insensitively_onto_the_canonical_spelling():
    attributes, extra, _ = fold_attributes(
        "AWS:InstanceInformation", {"ipaddress": "10.0.0.1", "RESOURCEID": INSTANCE}
    )
    assert (attributes, extra) == ({"IpAddress": "10.0.0.1", "resourceId": INSTANCE}, {})


def test_when_two_keys_fold_together_the_exact_spelling_wins_whatever_the_order():
    for body in (
        {"ipaddress": "10.0.0.99", "IpAddress": "10.0.0.1"},
        {"IpAddress": "10.0.0.1", "ipaddress": "10.0.0.99"},
    ):
        attributes, extra, notes = fold_attributes("AWS:InstanceInformation", body)
        assert (attributes, extra, notes) == (
            {"IpAddress": "10.0.0.1"},
            {"ipaddress": "10.0.0.99"},
            ["case_collision"],
        )


def test_unknown_keys_and_partition_names_in_the_body_go_to_extra():
    attributes, extra, notes = fold_attributes(
        "AWS:InstanceInformation",
        {"ResourceType": "EC2Instance", "AccountId": "999999999999", "Region": "xx-1"},
    )
    assert attributes == {"ResourceType": "EC2Instance"}
    assert extra == {"AccountId": "999999999999", "Region": "xx-1"}
    assert notes == ["unknown_key", "unknown_key"]


def test_capture_time_is_carried_raw_and_identity_comes_from_the_key():
    record = parse_line(
        KEY, 3, json.dumps({"captureTime": "2026-12-03T05:00:00Z", "AccountId": "999999999999"})
    )
    assert (record.account_id, record.capture_time_raw, record.line_number) == (
        "111111111111",
        "2026-12-03T05:00:00Z",
        3,
    )


def test_invalid_utf8_is_replaced_and_noted_on_the_line_that_held_it():
    records = list(parse_object(APPS, b'{"Name": "caf\xe9"}\n{"Name": "ok"}\n'))
    assert records[0].attributes == {"Name": "caf\ufffd"}
    assert [r.notes for r in records] == [["invalid_utf8"], []]


def test_unicode_line_separators_inside_a_value_do_not_split_the_line():
    records = list(parse_object(APPS, '{"Name": "a\u2028b"}\n'.encode()))
    assert [r.attributes for r in records] == [{"Name": "a\u2028b"}]
