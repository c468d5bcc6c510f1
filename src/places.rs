//! Places in the program's lists as types of their own: the n-th speaker,
//! topic, statement or article. A number that means one of them cannot be
//! passed where another is wanted, and a list is indexed only by its own.

/// Declares `$name`, a place in lists of `$item`: `position()` gives the
/// number back, and `list[place]` indexes a `Vec` or slice of `$item`.
macro_rules! place_type {
    ($(#[$doc:meta])* $name:ident in $item:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub(crate) usize);

        impl $name {
            /// The place in its list, from 0.
            pub fn position(self) -> usize {
                self.0
            }
        }

        impl std::ops::Index<$name> for [$item] {
            type Output = $item;
            fn index(&self, place: $name) -> &$item {
                &self[place.0]
            }
        }

        impl std::ops::Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, place: $name) -> &$item {
                &self[place.0]
            }
        }
    };
}
