from glue_jobs.keys import KeySkip, ObjectKey, parse_key
from glue_jobs.listing import RawObject
from glue_jobs.plan import plan_reads

KEY = (
    "AWS:Application/accountid=123456789012/region=ca-central-1/"
    "resourcetype=ManagedInstanceInventory/i-001188b4e152aecaf.json"
)


def test_a_key_in_the_layout_gives_type_account_region_resource_type_and_instance():
    assert parse_key(KEY) == ObjectKey(
        source_key=KEY,
        type_name="AWS:Application",
        account_id="123456789012",
        region="ca-central-1",
        resource_type="ManagedInstanceInventory",
        instance_id="i-001188b4e152aecaf",
    )


def test_the_sync_prefix_before_the_type_folder_is_ignored():
    parsed = parse_key(f"ssm-inventory/{KEY}")
    assert (parsed.type_name, parsed.instance_id) == ("AWS:Application", "i-001188b4e152aecaf")


def test_a_url_encoded_key_is_decoded_before_parsing_but_kept_as_listed():
    encoded = KEY.replace(":", "%3A").replace("=", "%3D")
    parsed = parse_key(encoded)
    assert (parsed.type_name, parsed.account_id, parsed.source_key) == (
        "AWS:Application",
        "123456789012",
        encoded,
    )


def test_a_hybrid_node_id_is_an_instance_id():
    assert parse_key(KEY.replace("i-001188b4e152aecaf", "mi-0123456789abcdef0")).instance_id == (
        "mi-0123456789abcdef0"
    )


def test_test_json_directly_under_accountid_is_outside_the_partition_layout():
    key = "AWS:InstanceInformation/accountid=123456789012/test.json"
    assert parse_key(key) == KeySkip(key, "outside_partition_layout")


def test_a_short_account_number_or_a_file_that_is_not_an_instance_is_outside_the_layout():
    assert parse_key(KEY.replace("123456789012", "1234")).reason == "outside_partition_layout"
    assert parse_key(KEY.replace("i-001188b4e152aecaf.json", "notes.txt")).reason == (
        "outside_partition_layout"
    )


def _listed(type_name: str, size: int = 10) -> RawObject:
    return RawObject(KEY.replace("AWS:Application", type_name), size, 0.0)


def test_keys_are_planned_by_type_layout_and_size():
    plan = plan_reads(
        [
            _listed("AWS:Application"),
            _listed("AWS:InstanceInformation", size=0),
            _listed("AWS:Network"),
            _listed("Custom:RackInfo"),
            _listed("AWS:MadeUpType"),
            RawObject("AWS:InstanceInformation/accountid=123456789012/test.json", 5, 0.0),
        ]
    )
    assert [key.type_name for key in plan.to_read] == ["AWS:Application"]
    assert [(reject[1], reject[5]) for reject in plan.file_rejects] == [
        ("AWS:InstanceInformation", "empty_file"),
        ("AWS:MadeUpType", "unknown_type"),
        (None, "outside_partition_layout"),
    ]
    assert dict(plan.files_by_type) == {
        "AWS:Application": 1,
        "AWS:InstanceInformation": 1,
        "AWS:Network": 1,
        "Custom:RackInfo": 1,
        "AWS:MadeUpType": 1,
    }
    assert dict(plan.skipped_files_by_reason) == {
        "type_not_curated": 2,
        "unknown_type": 1,
        "outside_partition_layout": 1,
    }
