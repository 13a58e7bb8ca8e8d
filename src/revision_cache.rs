//! A figure worked out from the register and kept until the register
//! changes, so a frame where nothing changed costs one comparison.

/// `T` computed for `key`: the document's revision (`Document::revision`,
/// unique across every file opened) and whatever else the figure depends
/// on, such as today or the record shown. A new key computes afresh.
#[derive(Debug)]
pub struct RevisionCache<K, T> {
    kept: Option<(K, T)>,
    computations: u64,
}

impl<K, T> Default for RevisionCache<K, T> {
    fn default() -> Self {
        RevisionCache {
            kept: None,
            computations: 0,
        }
    }
}

impl<K: PartialEq, T> RevisionCache<K, T> {
    /// The figure for `key`, computed only when the key changed since the
    /// last call.
    pub fn get_or_update(&mut self, key: K, compute: impl FnOnce() -> T) -> &T {
        let kept = match self.kept.take() {
            Some((kept, value)) if kept == key => (kept, value),
            _ => {
                self.computations += 1;
                (key, compute())
            }
        };
        &self.kept.insert(kept).1
    }

    /// The figure for `key`; when the key changed, `compute` is given the
    /// figure kept for the old key (if any), to bring up to date rather
    /// than work out afresh.
    pub fn get_or_bring_up_to_date(
        &mut self,
        key: K,
        compute: impl FnOnce(Option<(K, T)>) -> T,
    ) -> &T {
        let kept = match self.kept.take() {
            Some((kept, value)) if kept == key => (kept, value),
            old => {
                self.computations += 1;
                let value = compute(old);
                (key, value)
            }
        };
        &self.kept.insert(kept).1
    }

    /// The figure kept for `key`, if it is the one kept.
    pub fn get(&self, key: &K) -> Option<&T> {
        self.kept
            .as_ref()
            .filter(|(kept, _)| kept == key)
            .map(|(_, value)| value)
    }

    /// The figure kept, whatever its key: for a frame that draws what it
    /// has while a new one is worked out.
    pub fn last(&self) -> Option<&T> {
        self.kept.as_ref().map(|(_, value)| value)
    }

    /// How many times a figure was computed; tests check it stays put.
    pub fn computations(&self) -> u64 {
        self.computations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_key() {
        let mut cache = RevisionCache::default();
        assert_eq!(*cache.get_or_update((1, 'a'), || "first"), "first");
        assert_eq!(*cache.get_or_update((1, 'a'), || "again"), "first");
        assert_eq!(cache.computations(), 1);
        assert_eq!(*cache.get_or_update((2, 'a'), || "second"), "second");
        assert_eq!(*cache.get_or_update((2, 'b'), || "third"), "third");
        assert_eq!(cache.computations(), 3);
        assert_eq!(cache.get(&(2, 'b')), Some(&"third"));
        assert_eq!(cache.get(&(2, 'a')), None);
    }

    #[test]
    fn brings_the_old_figure_up_to_date() {
        let mut cache = RevisionCache::default();
        assert_eq!(
            *cache.get_or_bring_up_to_date(1, |old| old.map_or(10, |(_, v)| v + 1)),
            10
        );
        assert_eq!(*cache.get_or_bring_up_to_date(1, |_| 0), 10);
        assert_eq!(
            *cache.get_or_bring_up_to_date(2, |old| old.map_or(10, |(k, v)| v + k)),
            11
        );
        assert_eq!(cache.computations(), 2);
    }
}
