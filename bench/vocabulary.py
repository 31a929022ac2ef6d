"""The word material the corpus generator draws from: phrases, publishers, tags, authors.

Plain data, no randomness: ``bench.corpus`` picks from these lists with a seeded RNG, so
changing any list changes the corpus (and its fingerprint, so stale corpora are rebuilt).
Phrases combine into grammatical sentences: a subject, a past-tense verb phrase (or its
bare form after "will"), an object, and optional openers and tails.
"""

from __future__ import annotations

# -- who does what to what, by section --------------------------------------------------

SUBJECTS: dict[str, tuple[str, ...]] = {
    "Politics": (
        "state lawmakers", "the county election board", "a bipartisan group of governors",
        "the House rules committee", "campaign finance regulators", "the redistricting commission",
        "party leaders in the Senate", "city council members", "the secretary of state's office",
        "a coalition of mayors", "first-term legislators", "the governor's budget office",
    ),
    "Civil Society": (
        "local nonprofits", "volunteer groups", "a network of food banks", "tenant organizers",
        "the community foundation", "library trustees", "church-run shelters", "union locals",
        "a statewide civic coalition", "neighborhood associations", "legal aid clinics", "small newsrooms",
    ),
    "Global Affairs": (
        "negotiators in Geneva", "the European Commission", "foreign ministers", "the African Union",
        "diplomats from both sides", "the UN refugee agency", "officials in Brasília", "the Japanese government",
        "trade delegations", "a group of Pacific island states", "the Canadian parliament", "alliance planners",
    ),
    "Courts": (
        "the appeals court", "a federal district judge", "the state supreme court", "the justices",
        "civil-rights lawyers", "the solicitor general", "public defenders", "a panel of three judges",
        "the court's majority", "state attorneys general", "the clerk's office", "the judicial conference",
    ),
    "Technology": (
        "platform companies", "the data protection authority", "open-source maintainers", "AI developers",
        "the telecom regulator", "security researchers", "a group of app developers", "the standards body",
        "cloud providers", "the consumer protection agency", "school districts", "election technology vendors",
    ),
    "Dispatch": (
        "the novel", "my editor", "the second book", "readers at the library", "the county clerk in chapter four",
        "the first draft", "the audiobook narrator", "independent booksellers", "my research notebook",
        "the main character", "early readers", "the publisher",
    ),
}

OBJECTS: dict[str, tuple[str, ...]] = {
    "Politics": (
        "a new congressional map", "the rules for mail-in ballots", "the schedule for primary elections",
        "limits on small-dollar donations", "a plan to consolidate polling places", "the timeline for certifying results",
        "a ballot measure on term limits", "the debate over ranked-choice voting", "funding for election security",
        "a proposal to move the filing deadline", "the voter roll maintenance program", "the budget for poll worker training",
    ),
    "Civil Society": (
        "grant reporting requirements", "the new disclosure rules for donors", "a shortage of volunteers",
        "emergency housing funds", "the future of local newspapers", "rules for public comment at meetings",
        "the tax status of advocacy groups", "a program that trains election observers", "access to public meeting records",
        "funding for after-school programs", "the county's eviction diversion program", "a registry of charitable solicitors",
    ),
    "Global Affairs": (
        "the terms of a trade agreement", "a shared asylum framework", "sanctions on shipping companies",
        "the next round of climate finance", "a ceasefire monitoring mission", "border checks inside the passport-free zone",
        "export controls on advanced chips", "debt relief for low-income countries", "the mandate of the peacekeeping force",
        "a regional fisheries agreement", "visa rules for seasonal workers", "the reconstruction fund",
    ),
    "Courts": (
        "the limits of executive power", "a challenge to the agency's rule", "the standard for class certification",
        "a dispute over public records", "the scope of nationwide injunctions", "sentencing guidelines for drug offenses",
        "the question of legislative immunity", "a case about police body cameras", "the deadline for filing appeals",
        "rules on cameras in the courtroom", "the backlog of immigration cases", "a fight over jury selection",
    ),
    "Technology": (
        "rules for general-purpose AI models", "the labeling of synthetic media", "age verification for social apps",
        "data retention by messaging services", "the security of voting machines", "interoperability requirements",
        "the next spectrum auction", "transparency reports on content moderation", "facial recognition in public spaces",
        "the cost of rural broadband", "a bug bounty program for state agencies", "the encryption debate",
    ),
    "Dispatch": (
        "the structure of the middle chapters", "a scene set on election night", "the ending of book two",
        "the research on local courts", "the schedule for the paperback", "a chapter I cut in March",
        "the map of Harlan County", "the way institutions bend under pressure", "the reading tour",
        "the question of who gets to tell the story", "the title of the third book", "letters from readers",
    ),
}

VERBS: tuple[tuple[str, str], ...] = (  # (past, bare)
    ("approved", "approve"), ("challenged", "challenge"), ("delayed", "delay"), ("rewrote", "rewrite"),
    ("questioned", "question"), ("defended", "defend"), ("expanded", "expand"), ("narrowed", "narrow"),
    ("revisited", "revisit"), ("blocked", "block"), ("endorsed", "endorse"), ("scrutinized", "scrutinize"),
    ("quietly reshaped", "reshape"), ("set aside", "set aside"), ("pushed back on", "push back on"),
    ("signed off on", "sign off on"), ("took a fresh look at", "take a fresh look at"),
    ("put new limits on", "put new limits on"), ("asked for more time on", "ask for more time on"),
    ("drew attention to", "draw attention to"), ("argued over", "argue over"), ("tested", "test"),
)

OPENERS: tuple[str, ...] = (
    "In practice,", "For now,", "Even so,", "At the same time,", "By most accounts,", "Last year,",
    "Since then,", "Until recently,", "In several states,", "On paper,", "Behind the scenes,",
    "Over the summer,", "Within weeks,", "Meanwhile,", "", "", "", "", "", "",
)

TAILS: tuple[str, ...] = (
    "after months of public hearings", "with little public debate", "despite objections from local officials",
    "ahead of next year's deadline", "in a decision that surprised few observers", "under pressure from both parties",
    "in a closely watched vote", "without a clear plan for enforcement", "before the end of the session",
    "while the underlying dispute continues", "in a move critics called overdue", "for the first time in a decade",
    "as budgets tightened", "with support from an unusual coalition", "after a long and uneven review",
    "on a narrower schedule than promised", "", "", "", "",
)

COMMENTS: tuple[str, ...] = (
    "the details matter more than the headline", "nobody expects the question to go away soon",
    "the timing is not an accident", "that leaves a great deal to implementation",
    "the practical effect will take years to measure", "the people most affected were rarely in the room",
    "the costs fall unevenly", "the precedent travels further than the case itself",
    "the fine print tells a different story", "both sides claimed a partial victory",
    "the paperwork alone will take months", "it is a slower change than it looks",
)

AUDIENCES: tuple[str, ...] = (
    "voters", "county officials", "small organizations", "readers outside the capital",
    "people waiting on a decision", "smaller countries", "the companies involved", "first-time applicants",
    "rural communities", "the staff who run the system",
)

SPEAKERS: tuple[str, ...] = (
    "one county clerk", "a former judge", "a longtime organizer", "a trade official",
    "an engineer who works on the system", "a veteran staff lawyer", "a librarian in a small town",
)

UNITS: tuple[str, ...] = ("counties", "organizations", "cases", "applications", "districts", "projects", "requests")

HEADINGS: tuple[str, ...] = (
    "What changed", "Why it matters", "The background", "What the numbers show", "Who decides",
    "The view from the states", "The objections", "What comes next", "A longer history",
    "The open questions", "How we got here", "What to watch", "The practical effect",
    "Where the money goes", "The other side of the argument", "Reading the fine print",
    "The people in the middle", "A test case", "What the record shows", "The cost of waiting",
)

LIST_INTROS: tuple[str, ...] = (
    "Three things to watch:", "The main points of disagreement:", "What the proposal would change:",
    "The pieces that matter most:", "Where things stand:",
)

LINK_FRAMES: tuple[str, ...] = (
    "We covered the background in [{title}]({path}).",
    "For the earlier chapter of this story, see [{title}]({path}).",
    "The pattern is familiar from [{title}]({path}).",
    "Readers may remember [{title}]({path}), which set out the stakes.",
)

TITLE_FRAMES: dict[str, tuple[str, ...]] = {
    "vera2": (
        "How {subject} {verb} {object}", "Why {object} is back on the agenda", "The fight over {object}",
        "What {object} means for {audience}", "Inside the debate over {object}", "After the vote, {object}",
    ),
    "dispatch": (
        "Notes on {object}", "On {object}", "An update on {object}", "What I learned from {object}",
        "Why {subject} {verb} {object}",
    ),
}

SECTIONS = {
    "vera2": ("Politics", "Civil Society", "Global Affairs", "Courts", "Technology"),
    "dispatch": ("Commentary", "Author Updates", "Writing Process"),
}

# -- sources --------------------------------------------------------------------------

PUBLISHERS: tuple[tuple[str, str], ...] = (  # (name, host), most cited first
    ("Reuters", "www.reuters.com"), ("AP News", "apnews.com"), ("Agence France-Presse", "www.afp.com"),
    ("BBC News", "www.bbc.com"), ("The Guardian", "www.theguardian.com"), ("The New York Times", "www.nytimes.com"),
    ("The Washington Post", "www.washingtonpost.com"), ("The Wall Street Journal", "www.wsj.com"),
    ("Financial Times", "www.ft.com"), ("Bloomberg", "www.bloomberg.com"), ("The Economist", "www.economist.com"),
    ("Politico", "www.politico.com"), ("Axios", "www.axios.com"), ("NPR", "www.npr.org"),
    ("PBS NewsHour", "www.pbs.org"), ("CNN", "www.cnn.com"), ("NBC News", "www.nbcnews.com"),
    ("CBS News", "www.cbsnews.com"), ("ABC News", "abcnews.go.com"), ("Los Angeles Times", "www.latimes.com"),
    ("ProPublica", "www.propublica.org"), ("The Atlantic", "www.theatlantic.com"), ("The New Yorker", "www.newyorker.com"),
    ("Vox", "www.vox.com"), ("The Hill", "thehill.com"), ("Roll Call", "rollcall.com"),
    ("Lawfare", "www.lawfaremedia.org"), ("SCOTUSblog", "www.scotusblog.com"),
    ("Courthouse News Service", "www.courthousenews.com"), ("The Marshall Project", "www.themarshallproject.org"),
    ("Wired", "www.wired.com"), ("Ars Technica", "arstechnica.com"), ("The Verge", "www.theverge.com"),
    ("MIT Technology Review", "www.technologyreview.com"), ("Rest of World", "restofworld.org"),
    ("Al Jazeera", "www.aljazeera.com"), ("Deutsche Welle", "www.dw.com"), ("France 24", "www.france24.com"),
    ("Le Monde", "www.lemonde.fr"), ("El País", "elpais.com"), ("Der Spiegel", "www.spiegel.de"),
    ("Süddeutsche Zeitung", "www.sueddeutsche.de"), ("Nikkei Asia", "asia.nikkei.com"),
    ("South China Morning Post", "www.scmp.com"), ("The Hindu", "www.thehindu.com"),
    ("The Globe and Mail", "www.theglobeandmail.com"), ("Kyiv Independent", "kyivindependent.com"),
    ("Haaretz", "www.haaretz.com"),
)

URL_SECTIONS: tuple[str, ...] = ("world", "politics", "us-news", "business", "technology", "legal", "news", "analysis")

# -- tags: 100 topics, and 200 topic-qualifier pairs, 300 in all ----------------------------

TOPICS: tuple[str, ...] = (
    "elections", "redistricting", "voting-rights", "campaign-finance", "congress", "state-legislatures",
    "governors", "ballot-measures", "polling", "primaries", "courts", "supreme-court", "civil-liberties",
    "due-process", "injunctions", "sentencing", "public-records", "judicial-ethics", "class-actions",
    "immigration", "asylum", "borders", "refugees", "diplomacy", "trade", "sanctions", "tariffs",
    "climate", "energy", "europe", "latin-america", "asia-pacific", "africa", "middle-east", "canada",
    "nonprofits", "philanthropy", "volunteering", "local-news", "libraries", "housing", "labor",
    "unions", "food-security", "public-health", "education", "transit", "ai", "ai-governance",
    "privacy", "data-protection", "cybersecurity", "misinformation", "synthetic-media", "platforms",
    "broadband", "telecom", "open-source", "encryption", "surveillance", "election-security",
    "free-speech", "press-freedom", "transparency", "accountability", "budgets", "taxes", "pensions",
    "policing", "prisons", "veterans", "agriculture", "water", "wildfires", "disaster-relief",
    "infrastructure", "cities", "rural-america", "census", "civic-education", "democracy", "institutions",
    "publishing", "writing", "fiction", "book-tours", "research", "reading", "history", "memoir",
    "audiobooks", "bookstores", "editing", "craft", "readers", "interviews", "archives", "journalism",
)
QUALIFIERS: tuple[str, ...] = ("explainer", "states", "global", "history")
TAGS: tuple[str, ...] = TOPICS + tuple(f"{t}-{q}" for q in QUALIFIERS for t in TOPICS[:50])

SECTION_TAGS: dict[str, tuple[str, ...]] = {
    "Politics": ("elections", "redistricting", "voting-rights", "campaign-finance", "congress", "state-legislatures"),
    "Civil Society": ("nonprofits", "philanthropy", "volunteering", "local-news", "libraries", "housing"),
    "Global Affairs": ("diplomacy", "trade", "sanctions", "immigration", "europe", "climate"),
    "Courts": ("courts", "supreme-court", "civil-liberties", "due-process", "injunctions", "public-records"),
    "Technology": ("ai", "ai-governance", "privacy", "cybersecurity", "platforms", "synthetic-media"),
    "Dispatch": ("writing", "publishing", "fiction", "book-tours", "research", "democracy"),
}

# -- hero images: (file name, alt text, two colours of the gradient) -------------------------

IMAGES: tuple[tuple[str, str, tuple[int, int, int], tuple[int, int, int]], ...] = (
    ("skyline.jpg", "A city skyline at dusk under a violet sky", (46, 49, 146), (240, 152, 90)),
    ("chamber.jpg", "Rows of seats curving around a legislative chamber", (120, 30, 40), (230, 210, 180)),
    ("circuit.jpg", "A circuit board pattern in green and gold", (10, 60, 40), (200, 180, 60)),
    ("harbor.jpg", "A harbor at sunrise with cranes on the horizon", (20, 70, 120), (250, 200, 120)),
)

# -- the authors registry (same shape as content/authors.yml) --------------------------------

DISPATCH_AUTHOR = "jt-mercer"
VERA2_AUTHORS = ("dana-okafor", "luis-ferreira", "priya-raman")

AUTHORS_YML = """\
authors:
  jt-mercer:
    name: "J.T. Mercer"
    description: "Novelist, author of The Unmaking of America"
    bio: |
      J.T. Mercer writes novels about public institutions and the people who keep them
      running. This registry belongs to a generated benchmark corpus, so the biography is
      short and *deliberately plain*.
    links:
      website: "https://northriverpublications.example/"
      newsletter: "https://northriverpublications.example/newsletter/"
  dana-okafor:
    name: "Dana Okafor"
    description: "Courts and civil society reporter"
    bio: |
      Dana Okafor follows cases from the first filing to the last appeal and writes about
      the organizations that bring them.
    links:
      website: "https://northriverpublications.example/vera2/"
      mastodon: "https://mastodon.social/@danaokafor"
  luis-ferreira:
    name: "Luis Ferreira"
    description: "Editor for technology and global affairs"
    bio: |
      Luis Ferreira edits coverage of technology policy and international affairs, with a
      standing interest in **how rules travel** between capitals.
    links:
      website: "https://northriverpublications.example/vera2/"
  priya-raman:
    name: "Priya Raman"
    description: "Politics correspondent"
    bio: |
      Priya Raman covers elections, maps and the legislatures that draw them.
    links:
      website: "https://northriverpublications.example/vera2/"
      bluesky: "https://bsky.app/profile/priyaraman.bsky.social"
"""
