//! Reading a map of records refuses an id that appears twice: a plain map
//! would keep the last record and silently drop the first, which in a
//! hand-edited file is data lost without a word.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// `#[serde(with = "unique_ids")]` for the register's record maps.
pub fn deserialize<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Records<K, V>(PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for Records<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a map of records keyed by id")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut records = BTreeMap::new();
            while let Some(id) = map.next_key::<K>()? {
                let record = map.next_value::<V>()?;
                match records.entry(id) {
                    Entry::Vacant(slot) => {
                        slot.insert(record);
                    }
                    Entry::Occupied(slot) => {
                        return Err(serde::de::Error::custom(format!(
                            "{} appears twice; every record needs its own id",
                            slot.key()
                        )));
                    }
                }
            }
            Ok(records)
        }
    }

    deserializer.deserialize_map(Records(PhantomData))
}

/// Writes the map as usual (in id order).
pub fn serialize<S, K, V>(records: &BTreeMap<K, V>, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize,
    V: Serialize,
{
    records.serialize(serializer)
}
