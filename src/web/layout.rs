//! What every page's frame needs: title, description, canonical link, the
//! JSON twin, asset URLs and link-preview metadata (every page has a
//! preview; pages with a card of their own replace the site's).

use super::{assets, Site};

/// Open Graph and Twitter card fields of a page.
pub struct Preview {
    pub title: String,
    pub description: String,
    /// og:type ("article", "website").
    pub kind: &'static str,
    /// A picture for the preview: previews show it large.
    pub image: Option<PreviewImage>,
}

/// og:image and twitter:image, with what previews need to lay it out
/// before fetching it and to describe it.
pub struct PreviewImage {
    /// Absolute: the sites that show previews fetch it.
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// The content type ("image/png").
    pub kind: &'static str,
    pub alt: String,
}

impl Preview {
    /// A preview whose picture is a share card of this site at `card_path`.
    pub fn with_card(site: &Site, title: String, description: String, kind: &'static str, card_path: &str, alt: String) -> Preview {
        let image = PreviewImage {
            url: site.absolute(card_path),
            width: super::card::WIDTH,
            height: super::card::HEIGHT,
            kind: super::card::CONTENT_TYPE,
            alt: crate::text::shorten(&alt, 300),
        };
        Preview { title, description: crate::text::shorten(&description, 300), kind, image: Some(image) }
    }

    /// The preview of a page that has no picture of its own (the overview,
    /// the articles, an article, a search): the card of the topic the
    /// leaders said most on, so that every shared link shows the summit.
    pub fn of_site(site: &Site, title: String, description: String) -> Preview {
        match site.site_card() {
            Some((path, alt)) => Preview::with_card(site, title, description, "website", path, alt.clone()),
            None => Preview { title, description: crate::text::shorten(&description, 300), kind: "website", image: None },
        }
    }
}

pub struct Layout {
    pub title: String,
    pub description: String,
    /// The page's one address; none for an error page, which is the page
    /// at no address.
    pub canonical: Option<String>,
    pub json_url: Option<String>,
    pub preview: Option<Preview>,
    /// The Atom feed that follows this page, and its title.
    pub feed: Option<(String, String)>,
    pub site_name: &'static str,
    pub summit_line: String,
    /// What the search box shows.
    pub query: String,
    pub css: &'static str,
    pub js: &'static str,
    pub icon: &'static str,
}

pub const SITE_NAME: &str = "Counterparts";

impl Layout {
    /// The frame of the page at `path`, whose JSON twin is `json_url`.
    pub fn new(site: &Site, path: &str, title: &str, description: &str, json_url: Option<String>) -> Layout {
        let summit = &site.index.summit;
        Layout {
            title: if path == "/" { format!("{} · {SITE_NAME}", summit.title) } else { format!("{title} · {SITE_NAME}") },
            description: crate::text::shorten(description, 200),
            canonical: Some(site.absolute(path)),
            json_url,
            preview: Some(Preview::of_site(site, Self::preview_title(title, &summit.title), description.to_string())),
            feed: None,
            site_name: SITE_NAME,
            summit_line: [summit.title.as_str(), summit.place.as_str(), summit.date.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            query: String::new(),
            css: assets::url("style.css"),
            js: assets::url("app.js"),
            icon: assets::url("icon.svg"),
        }
    }

    /// The frame of an error page: titled with what went wrong (a tab and a
    /// screen reader must say it), with no canonical address, which would
    /// name another page as this one, and no preview, as an error page is
    /// not shared.
    pub fn for_error(site: &Site, title: &str, message: &str) -> Layout {
        Layout {
            title: format!("{title} · {SITE_NAME}"),
            canonical: None,
            preview: None,
            ..Layout::new(site, "/", title, message, None)
        }
    }

    /// A page's title in a preview, where the site's name is not shown:
    /// with the summit's, so a shared link says what it is about.
    fn preview_title(title: &str, summit: &str) -> String {
        if summit.is_empty() || title == summit {
            title.to_string()
        } else {
            format!("{title} · {summit}")
        }
    }

    pub fn with_preview(mut self, preview: Preview) -> Layout {
        self.preview = Some(preview);
        self
    }

    /// Announces the page's feed, at its path plus ".atom".
    pub fn with_feed(mut self, path: &str, title: &str) -> Layout {
        self.feed = Some((format!("{path}.atom"), title.to_string()));
        self
    }

    pub fn with_query(mut self, query: &str) -> Layout {
        self.query = query.to_string();
        self
    }
}
