# ruff: noqa: E501 (templates are prose, one per line however long)
"""Sentence templates the writer fills with an event's facts.

Slots in braces: event facts (`{place}`, `{country}`, `{org}`, `{org2}`, `{p1}`..`{p3}`
people, `{r1}`..`{r3}` their roles, `{subject}`, numbers `{n1}` `{n2}` `{n3}` `{money}`
`{pct}` `{pct2}` as each event type defines them, `{day}`, `{date}`, `{when}`) and
synonym slots (`SYNONYMS`), chosen per use so two outlets word the same fact
differently. Quotes are "speaker|text" where speaker is p1, p2 or p3.
"""

from __future__ import annotations

from dataclasses import dataclass


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


@dataclass(frozen=True, slots=True)
class Phrases:
    """Templates for one event type. `points` are short list-item facts."""

    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    facts: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...]
    context: tuple[str, ...]
    headings: tuple[str, ...]
    points: tuple[str, ...]


def _phrases(
    headlines: str, leads: str, facts: str, quotes: str, context: str, headings: str, points: str
) -> Phrases:
    return Phrases(
        headlines=_lines(headlines),
        leads=_lines(leads),
        facts=_lines(facts),
        quotes=tuple(tuple(q.split("|", 1)) for q in _lines(quotes)),  # type: ignore[misc]
        context=_lines(context),
        headings=_lines(headings),
        points=_lines(points),
    )


SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("said", "told reporters", "said in a statement", "told a news conference"),
    "said_inv": ("said", "added", "explained"),
    "announced": ("announced", "confirmed", "said"),
    "officials": ("officials", "authorities", "government officials"),
    "about": ("about", "around", "roughly", "some"),
    "more_than": ("more than", "over"),
    "expected": ("expected", "likely"),
    "but": ("But", "However,", "Still,"),
    "residents": ("residents", "locals", "people"),
    "critics": ("critics", "opponents", "sceptics"),
    "big": ("major", "significant", "substantial"),
    "soon": ("in the coming weeks", "before the end of the month", "shortly"),
}

PHRASES: dict[str, Phrases] = {
    "summit": _phrases(
        """
        {country} hosts {n1} delegations for talks on {subject} in {place}
        Leaders agree {money} package on {subject} after {n2} days of talks
        {place} summit ends with deal on {subject}
        {org} members back {pct} target on {subject}
        Breakthrough in {place} as {subject} deal is signed
        """,
        """
        Delegations from {n1} countries agreed a {money} package on {subject} {when}, closing {n2} days of talks in {place}.
        Leaders meeting in the {country} city of {place} {announced} a deal on {subject} {when}, after negotiations that ran late into the night.
        A summit of the {org} in {place} ended {when} with an agreement on {subject} that its backers called the most ambitious in years.
        """,
        """
        The agreement commits members of the {org} to a {pct} reduction by {n3}.
        Under the deal, a fund worth {money} will be set up to help poorer members meet the new targets.
        Negotiators from the {org2} had pushed for a later deadline, but gave way on the final day.
        {p1}, {r1}, opened the meeting by warning that there was little time left to act.
        The talks were held behind closed doors at a conference centre on the edge of {place}.
        A first review of progress is scheduled for {n3}, when the targets could be tightened.
        Several smaller delegations {said} they had not been consulted on the final text.
        The final communique runs to fourteen pages and was published on the {org} website.
        """,
        """
        p1|This is a good day for {country} and for everyone who depends on {subject}.
        p2|Nobody got everything they wanted, which is usually the sign of a fair agreement.
        p3|We will be watching closely to make sure the promises made in {place} are kept.
        p1|The hard work starts now, and we intend to lead by example.
        """,
        """
        Previous talks on {subject} collapsed two years ago amid disagreements over funding.
        The {org} was founded to settle disputes between neighbouring states, and has met in {place} before.
        Campaigners have long argued that voluntary targets on {subject} are not enough.
        """,
        """
        What the deal contains
        A long night of talks
        Reaction from the capitals
        """,
        """
        {n1} delegations attended the talks
        A fund worth {money} to support poorer members
        A {pct} reduction target by {n3}
        First review of progress in {n3}
        """,
    ),
    "storm": _phrases(
        """
        {subject} forces {n1} people from their homes in {place}
        Thousands evacuated as {subject} hits {place}
        {place} counts the cost after {subject}
        Mayor of {place} warns of long recovery after {subject}
        {subject} damage put at {money} as floodwater recedes
        """,
        """
        {subject} forced {more_than} {n1} people from their homes in {place} {when}, as heavy rain and strong winds battered {country}.
        Emergency crews in {place} spent the night rescuing stranded drivers after {subject} brought {n3} millimetres of rain {when}.
        {officials} in {country} {announced} {when} that {more_than} {n1} people had been evacuated from {place} as {subject} swept across the region.
        """,
        """
        The {org} said {n2} homes had been damaged, many of them in low-lying streets near the river.
        Early estimates put the cost of the damage at {money}, although {officials} cautioned that the figure could rise.
        Schools in {place} were closed and several roads remained under water on {day} evening.
        {p1}, {r1}, {said} that emergency shelters had been opened in three school buildings.
        Rail services between {place} and the capital were suspended for {more_than} twelve hours.
        Forecasters said {n3} millimetres of rain fell in less than a day, the highest total recorded in {place} for decades.
        The {org2} has asked {residents} to avoid all but essential travel until the water recedes.
        Power was cut to {about} {n2} homes at the height of the storm, according to the local grid operator.
        """,
        """
        p1|We have never seen water rise this quickly, and we are doing everything we can to keep people safe.
        p2|The next forty-eight hours will be critical, and we ask everyone to follow the advice of the emergency services.
        p3|The whole ground floor is ruined. We will have to start again from nothing.
        p1|We will need help from the national government to rebuild what has been lost.
        """,
        """
        {place} has been hit by serious flooding twice in the past decade, and its flood defences have long been a source of local anger.
        Scientists have warned that storms of this strength are becoming more frequent across {country}.
        Insurers in {country} have been raising premiums in flood-prone areas such as {place}.
        """,
        """
        Damage across the region
        What happens next
        Calls for better defences
        """,
        """
        {n1} people evacuated from their homes
        {n2} homes damaged
        {n3} millimetres of rain in under a day
        Damage estimated at {money}
        """,
    ),
    "election": _phrases(
        """
        {p1} wins {place} {subject} election with {pct} of the vote
        {org} takes {place} as turnout reaches {pct2}
        Victory for {p1} in {place} {subject} vote
        {place} election: {org} wins {n1} seats
        {p1} claims {subject} victory in {place}
        """,
        """
        {p1} won the {subject} election in {place} {when} with {pct} of the vote, handing the {org} its first victory there in a generation.
        The {org} swept the {subject} election in {place} {when}, winning {n1} seats on a turnout of {pct2}.
        Voters in {place} elected {p1} of the {org} {when}, in a {subject} contest that was closer than polls had suggested.
        """,
        """
        Turnout was {pct2}, according to figures published by the electoral commission.
        The {org2} conceded defeat shortly after midnight, once the last ballot boxes had been counted.
        {p2}, {r2}, {said} the party would respect the result and reflect on its campaign.
        The {org} will hold {n1} seats on the new council, enough to govern without a coalition.
        In all, {n3} candidates stood in the race, the largest field in the history of {place}.
        Counting was delayed by almost two hours at one polling station after a power cut.
        {p3}, {r3}, {said} the vote had been conducted without serious irregularities.
        The campaign was dominated by local concerns about housing, buses and the cost of living.
        """,
        """
        p1|The people of {place} have voted for change, and I will not let them down.
        p2|We fought a clean campaign, and we will hold the new administration to account.
        p3|Every vote has been counted and the result is clear.
        p1|My first job is to listen, including to those who did not vote for us.
        """,
        """
        {place} has been governed by the {org2} for most of the past two decades.
        The election was seen in {country} as an early test of national opinion before next year's general election.
        Polls a month before the vote had shown the {org2} comfortably ahead.
        """,
        """
        How the vote was won
        A test for the national parties
        The new council
        """,
        """
        {p1} won {pct} of the vote
        Turnout of {pct2}
        {n1} seats for the {org}
        {n3} candidates on the ballot
        """,
    ),
    "bill": _phrases(
        """
        Parliament passes {subject} bill by {n1} votes to {n2}
        {country} lawmakers approve {subject} reform
        {subject} bill clears final vote despite {org2} opposition
        MPs back {money} {subject} plan
        {subject} law passes after months of debate in {country}
        """,
        """
        Lawmakers in {country} approved a long-debated {subject} bill {when}, by {n1} votes to {n2}.
        The {country} parliament passed the government's {subject} bill {when}, ending months of argument over its {money} cost.
        A bill overhauling the rules on {subject} cleared its final vote in {country} {when}, despite opposition from the {org2}.
        """,
        """
        The bill passed by {n1} votes to {n2} after a debate that lasted {more_than} nine hours.
        The measures are {expected} to cost {money} over the next five years.
        {p1}, {r1}, {said} the changes would take effect at the start of next year.
        The {org2} tabled dozens of amendments, all of which were rejected.
        {p3}, {r3}, {said} the committee had heard evidence from {more_than} forty witnesses.
        The government has promised to publish guidance on how the rules will be enforced {soon}.
        Several members of the {org} broke ranks to vote against the bill.
        Hearings on the bill were held in {place} and in the capital.
        """,
        """
        p1|This law will make a real difference to families across {country}.
        p2|The government has rushed this through without answering the most basic questions about cost.
        p3|Our committee did its job, and the bill that passed is better than the one that was introduced.
        p1|We listened to every objection and changed the bill where the arguments were good.
        """,
        """
        Rules on {subject} in {country} have not been substantially updated for more than thirty years.
        Earlier versions of the bill were abandoned twice, most recently after a change of government.
        Campaigners in {place} have been calling for reform of {subject} since a series of local scandals.
        """,
        """
        What the law changes
        The opposition's objections
        When the rules take effect
        """,
        """
        Passed by {n1} votes to {n2}
        Expected to cost {money}
        Guidance on enforcement to follow
        Rules take effect next year
        """,
    ),
    "merger": _phrases(
        """
        {org} agrees {money} takeover of {org2}
        {org} to buy {org2} in {money} {subject} deal
        {org2} shareholders offered {pct} premium in {org} bid
        {subject} shake-up as {org} and {org2} combine
        {money} deal creates {subject} giant
        """,
        """
        {org} has agreed to buy {org2} for {money}, in a deal that would create one of the largest {subject} groups in {country}.
        {org2} accepted a {money} takeover offer from its rival {org} {when}, valuing its shares at a {pct} premium.
        The {subject} companies {org} and {org2} {announced} {when} that they would combine in a deal worth {money}.
        """,
        """
        The offer values {org2} at a {pct} premium to its closing share price on {day}.
        The combined company will employ {about} {n1} people, with its headquarters in {place}.
        The deal is {expected} to take {n3} months to complete and requires approval from competition regulators.
        {p1}, {r1}, {said} there were no plans for large-scale job cuts.
        {p2}, {r2}, {said} the board had unanimously recommended the offer to shareholders.
        Shares in {org2} rose sharply in early trading after the announcement.
        The companies expect annual savings from the merger within three years.
        Unions {said} they would seek guarantees for staff at the site in {place}.
        """,
        """
        p1|Together we will be stronger, more efficient and better able to invest in {country}.
        p2|This offer recognises the value our people have built over many years.
        p3|The price looks full, and regulators will want to look closely at the combined market share.
        p1|Our customers will see the benefits first.
        """,
        """
        The {subject} industry has been consolidating as companies struggle with higher costs.
        {org2} had been the subject of takeover speculation for months.
        Competition authorities in {country} blocked a similar deal in the sector three years ago.
        """,
        """
        The terms of the deal
        What it means for jobs
        Regulatory hurdles
        """,
        """
        Deal value: {money}
        Premium of {pct} to the last share price
        {n1} employees in the combined group
        Completion expected within {n3} months
        """,
    ),
    "layoffs": _phrases(
        """
        {org} to cut {n1} jobs at {place} {subject}
        {n1} jobs at risk as {org} restructures
        {org} cuts {pct} of workforce in cost drive
        Union anger as {org} announces {place} job losses
        {org} layoffs: {n1} roles to go across {n2} sites
        """,
        """
        {org} {announced} {when} that it would cut {n1} jobs, including many at its {subject} in {place}.
        {about} {n1} workers at {org} will lose their jobs under a restructuring plan {announced} {when}.
        {org} is to cut {pct} of its workforce, it said {when}, blaming weak demand and rising costs.
        """,
        """
        The cuts amount to {pct} of the company's workforce and will affect {n2} sites.
        The company {said} the restructuring would save {money} a year.
        {p1}, {r1}, {said} the decision had been taken with great reluctance.
        The {org2} {said} it had not been consulted and would consider industrial action.
        Staff at the {subject} in {place} were told of the plans at a meeting on {day} morning.
        {p3}, {r3}, {said} the town would press the company to find buyers for the site.
        The company's shares were little changed after the announcement.
        Voluntary redundancy will be offered first, according to a memo seen by staff.
        """,
        """
        p1|These are difficult decisions, but they are necessary to secure the future of the business.
        p2|Workers are paying the price for mistakes made in the boardroom.
        p3|This is a terrible day for {place} and for the families who depend on these jobs.
        p2|We will fight for every one of these jobs.
        """,
        """
        {org} has been one of the largest employers in {place} for decades.
        Several companies in the sector have announced job cuts in {country} this year.
        The company reported a sharp fall in profit in its most recent results.
        """,
        """
        Where the cuts fall
        The union's response
        A blow to {place}
        """,
        """
        {n1} jobs to go
        {pct} of the workforce
        {n2} sites affected
        Annual savings of {money}
        """,
    ),
    "launch": _phrases(
        """
        {org} unveils the {subject}
        {org} launches {subject} at {money}
        {subject}: {org} bets on longer battery life
        First look at the {subject} from {org}
        {org}'s {subject} draws {n1} pre-orders
        """,
        """
        {org} unveiled the {subject} at an event in {place} {when}, promising a {pct} improvement in battery life.
        {org} {announced} its new {subject} {when}, with a starting price of {money}.
        The {subject}, {org}'s most ambitious device in years, went on sale {when} after {n1} pre-orders.
        """,
        """
        The {subject} will cost {money} in its basic version.
        {org} {said} it had received {more_than} {n1} pre-orders before the launch.
        The company claims a {pct} improvement in battery life over the previous model.
        {p1}, {r1}, presented the device on stage in {place}.
        Reviewers who tested the device before launch praised its screen but questioned the price.
        {p2}, {r2}, {said} the design team had focused on repairability.
        The {org2} is examining whether the device's data practices comply with local rules.
        The device will be available in {country} first, with other markets to follow.
        """,
        """
        p1|This is the product our customers have been asking us to build.
        p2|We wanted something that lasts, that you can repair and that does not need replacing every year.
        p3|It is a solid device, but at this price it has to be more than solid.
        p1|We are only at the beginning of what this platform can do.
        """,
        """
        {org} has lost market share in {country} over the past two years.
        Competitors are expected to launch rival devices {soon}.
        The previous model was criticised for overheating and short battery life.
        """,
        """
        Price and availability
        What reviewers say
        A crowded market
        """,
        """
        Starting price: {money}
        {n1} pre-orders
        {pct} better battery life
        Launches first in {country}
        """,
    ),
    "breach": _phrases(
        """
        {org} data breach exposes {n1} accounts
        Hackers stole customer data from {org} {subject}
        {org2} opens inquiry into {org} breach
        {org} faces fine of up to {money} over leak
        {n1} customers affected by {org} hack
        """,
        """
        {org} {said} {when} that hackers had accessed personal data from {n1} accounts through its {subject}.
        The {org2} has opened an investigation into {org} after a breach of its {subject} exposed data from {n1} customers.
        Personal details of {more_than} {n1} {org} customers were exposed in a cyber attack on its {subject}, the company {announced} {when}.
        """,
        """
        The breach went undetected for {n2} days, according to the company.
        Names, email addresses and partial payment details were among the data taken.
        {p1}, {r1}, {said} passwords had been stored in encrypted form.
        The {org2} can impose fines of up to {money} for serious breaches.
        {p2}, {r2}, {said} the regulator would examine whether the company had reported the incident promptly.
        Customers have been told to change their passwords and watch for suspicious messages.
        {p3}, {r3}, {said} the attackers appeared to have exploited an unpatched server.
        The company has hired an outside firm to investigate.
        """,
        """
        p1|We are deeply sorry, and we are contacting every affected customer directly.
        p2|Companies that hold personal data have a duty to protect it, and we will establish whether that duty was met.
        p3|This looks like a basic security failure rather than a sophisticated attack.
        p1|We have closed the route the attackers used.
        """,
        """
        Data breaches reported to regulators in {country} have risen every year since records began.
        {org} suffered a smaller incident two years ago.
        Consumer groups have called for tougher penalties for repeated failures.
        """,
        """
        What was taken
        The regulator steps in
        What customers should do
        """,
        """
        {n1} accounts affected
        Undetected for {n2} days
        Possible fine of up to {money}
        Customers advised to change passwords
        """,
    ),
    "discovery": _phrases(
        """
        Scientists in {place} report {subject}
        Study finds {subject}
        Researchers at {org} describe {subject}
        {subject}: what the new study shows
        {country} team reports {subject}
        """,
        """
        Researchers at the {org} have reported {subject}, in a study published {when}.
        A team led by scientists in {place} has described {subject}, after {n2} years of work.
        Scientists in {country} {announced} {when} that they had found {subject}, a result other researchers called intriguing.
        """,
        """
        The study drew on data from {n1} samples collected over {n2} years.
        The researchers reported an effect of {about} {pct}, larger than earlier work had suggested.
        {p1}, {r1}, {said} the results needed to be confirmed by other groups.
        The paper was reviewed by independent experts before publication.
        {p2}, {r2}, {said} much of the fieldwork was done near {place}.
        The team has made its data available to other researchers.
        {p3}, {r3}, {said} the findings were promising but based on a limited sample.
        Funding for the work came partly from the {org2}.
        """,
        """
        p1|We were surprised by how clear the signal was once we had enough data.
        p2|Years of careful fieldwork went into this, and it has paid off.
        p3|It is a careful study, but one study is never the end of the story.
        p1|The next step is to find out whether the same thing happens elsewhere.
        """,
        """
        Earlier studies had hinted at the result but lacked the data to confirm it.
        The {org} has a long record of research in the region around {place}.
        Science funding in {country} has been cut twice in the past five years.
        """,
        """
        How the study worked
        Caution from other scientists
        What comes next
        """,
        """
        {n1} samples analysed
        {n2} years of fieldwork
        An effect of about {pct}
        Data shared with other researchers
        """,
    ),
    "mission": _phrases(
        """
        {org} launches {subject}
        {subject} sets off on {n1}-day mission
        {subject} begins its {money} journey
        Lift-off for {subject} after years of delays
        {country} celebrates launch of {subject}
        """,
        """
        The {org} launched {subject} {when}, beginning a mission expected to last {n1} days.
        {subject} set off {when} on a {money} mission carrying {n2} scientific instruments.
        After years of delays, {subject} began its mission {when}, the {org} {announced}.
        """,
        """
        The mission is planned to last {n1} days and carries {n2} instruments.
        The project has cost {money}, shared between the {org} and its partners.
        {p1}, {r1}, {said} all systems were working normally after launch.
        Engineers in {place} will control the mission from a new operations centre.
        {p2}, {r2}, {said} the first scientific data should arrive within weeks.
        The launch had been postponed twice because of technical problems.
        {p3}, {r3}, {said} the team had rehearsed every stage of the mission hundreds of times.
        The {org2} designed two of the instruments on board.
        """,
        """
        p1|Everything went exactly to plan, and the team deserves every bit of credit.
        p2|We have waited a long time for this data, and the science will be worth it.
        p3|When the signal came through, the whole room stood up.
        p1|This mission puts {country} among the leading nations in the field.
        """,
        """
        The mission was first proposed more than a decade ago.
        Two earlier missions by other agencies failed to return usable data.
        The budget for the project was cut in half at one stage before being restored.
        """,
        """
        The journey ahead
        The science on board
        Years of delays
        """,
        """
        Mission length: {n1} days
        {n2} instruments on board
        Total cost: {money}
        Controlled from {place}
        """,
    ),
    "match": _phrases(
        """
        {org} beat {org2} {n1}-{n2} in {subject}
        {p3} inspires {org} to victory over {org2}
        {org} {n1}-{n2} {org2}: hosts too strong
        {org2} beaten in {place} as {org} win {n1}-{n2}
        Crowd of {n3} sees {org} beat {org2}
        """,
        """
        {org} beat {org2} {n1}-{n2} in {subject} {when}, in front of a crowd of {n3}.
        {p3} was the star as {org} won {subject} against {org2} {n1}-{n2} {when}.
        {org} overcame {org2} {n1}-{n2} {when} in {subject}, played in {place}.
        """,
        """
        The match was played in front of {n3} supporters in {place}.
        {p3} opened the scoring midway through the first half with a low shot.
        {org2} had the better of the opening exchanges but could not find a finish.
        {p1}, {r1}, {said} the team had followed the plan to the letter.
        {p2}, {r2}, {said} the side had been punished for its own mistakes.
        The final score was {n1}-{n2} after a late flurry of chances at both ends.
        The referee showed four yellow cards in a bad-tempered second half.
        The result lifts {org} above their rivals in the table.
        """,
        """
        p1|I am proud of every player. We stuck together when it mattered.
        p2|We gave away goals we should never concede at this level.
        p3|I just tried to keep my head and put the ball in the corner.
        p1|There is still a long way to go this season.
        """,
        """
        {org} had lost their previous three meetings with {org2}.
        The two clubs have a fierce rivalry dating back decades.
        {org2} arrived in {place} on a run of five games unbeaten.
        """,
        """
        How the goals came
        Managers react
        What the result means
        """,
        """
        Final score: {org} {n1}, {org2} {n2}
        Attendance: {n3}
        Played in {place}
        Four yellow cards shown
        """,
    ),
    "transfer": _phrases(
        """
        {org} sign {p1} from {org2} for {money}
        {p1} completes {money} move to {org}
        {org} land {subject} {p1} on {n1}-year deal
        {org2} accept {money} bid for {p1}
        {p1} joins {org} in club-record deal
        """,
        """
        {org} have signed the {subject} {p1} from {org2} for a fee of {money}, the clubs {announced} {when}.
        {p1} has joined {org} from {org2} on a {n1}-year contract, in a deal worth {money}.
        {org2} have agreed to sell {p1} to {org} for {money}, ending weeks of speculation.
        """,
        """
        The fee of {money} is a club record for {org}.
        {p1} has signed a contract that runs for {n1} years.
        {p1} scored {n2} goals for {org2} last season.
        {p2}, {r2}, {said} the club had followed the player for more than a year.
        {p3}, {r3}, {said} the offer had been too good to refuse.
        The player passed a medical in {place} on {day}.
        Supporters of {org2} reacted angrily on social media to the sale.
        {p1} is expected to make a debut {soon}.
        """,
        """
        p1|This is a big step for me and I cannot wait to get started.
        p2|We have watched the player for a long time, and we believe the best is still to come.
        p3|Nobody wanted to sell, but this was an offer we could not turn down.
        p1|I want to thank everyone at {org2} for everything they did for me.
        """,
        """
        {org} have spent heavily this summer as they try to return to the top of the league.
        {org2} have a history of developing young players and selling them on.
        Transfer spending in {country} has risen sharply in recent seasons.
        """,
        """
        The fee and the contract
        Why {org} moved
        Reaction from {org2}
        """,
        """
        Fee: {money}
        Contract length: {n1} years
        {n2} goals last season
        Medical completed in {place}
        """,
    ),
    "festival": _phrases(
        """
        {subject} draws {n1} visitors
        Record crowds at {subject}
        {subject} returns for its {n3} edition
        {n2} performers take part in {subject}
        {place} hails success of {subject}
        """,
        """
        {subject} drew {more_than} {n1} visitors {when}, its organisers said, making it the best attended in its history.
        {subject} opened for its {n3} edition {when}, with {n2} performers appearing across the city.
        Crowds filled the streets of {place} {when} as {subject} returned.
        """,
        """
        {about} {n1} people attended over the festival's four days, according to organisers.
        The programme featured {n2} performers, many of them from {country}.
        {p1}, {r1}, {said} ticket sales had exceeded expectations.
        The {org} hosted several of the headline events.
        {p2}, {r2}, {said} the festival brought valuable business to the city's hotels and restaurants.
        Some events sold out within hours of tickets going on sale.
        {p3}, {r3}, {said} the audience in {place} was among the best anywhere.
        The {org2} contributed to the cost of security and cleaning.
        """,
        """
        p1|We wanted this year to feel like a celebration, and I think it did.
        p2|The festival shows what {place} can do when the whole city gets behind something.
        p3|I have played all over the world, and there is nowhere quite like this.
        p1|We are already planning next year's programme.
        """,
        """
        This year's event was the {n3} since the festival was founded.
        The festival was nearly cancelled five years ago after losing its main sponsor.
        Cultural tourism has become an important source of income for {place}.
        """,
        """
        The highlights
        A boost for the city
        Looking ahead
        """,
        """
        {n1} visitors
        {n2} performers
        The {n3} edition
        Events across {place}
        """,
    ),
    "award": _phrases(
        """
        {p1} wins {subject}
        {subject} goes to {p1}
        {p1} takes home {money} as winner of {subject}
        Surprise winner for {subject}
        {p1} beats {n2}-strong shortlist to win {subject}
        """,
        """
        {p1} has won {subject}, beating {n1} entries to take the prize of {money}, the judges {announced} {when}.
        {subject} was awarded to {p1} {when} at a ceremony in {place}.
        {p1} was named the winner of {subject} {when}, a result few had predicted.
        """,
        """
        The prize is worth {money} to the winner.
        This year's competition attracted {n1} entries, a record.
        The judges chose from a shortlist of {n2}.
        {p2}, {r2}, {said} the decision had been unanimous.
        The ceremony was held at the {org2} in {place}.
        {p3}, {r3}, {said} the winning work would go on display {soon}.
        The prize is funded by the {org}.
        Previous winners have gone on to international success.
        """,
        """
        p1|I did not expect this at all. I am still trying to take it in.
        p2|The winning work stayed with every one of us long after we first saw it.
        p3|We are proud to show work of this quality in {place}.
        p1|I want to share this with everyone who helped along the way.
        """,
        """
        The prize was founded to support emerging artists in {country}.
        The {org} has funded the award since its creation.
        Last year's prize was marked by controversy over the judging process.
        """,
        """
        The shortlist
        The judges' verdict
        About the prize
        """,
        """
        Prize money: {money}
        {n1} entries
        Shortlist of {n2}
        Ceremony held in {place}
        """,
    ),
    "outbreak": _phrases(
        """
        {subject} outbreak in {place}: {n1} cases confirmed
        Health officials warn as {subject} cases rise in {place}
        {n2} in hospital as {subject} spreads in {country}
        {place} urged to get vaccinated as {subject} cases climb
        {subject} cases reach {n1} in {place}
        """,
        """
        Health officials in {country} have confirmed {n1} cases of {subject} in {place}, and {n2} people have been treated in hospital.
        The number of {subject} cases in {place} has risen to {n1}, the {org} {said} {when}.
        An outbreak of {subject} in {place} has grown to {n1} cases, prompting calls for people to check their vaccination records.
        """,
        """
        So far {n2} people have needed hospital treatment, most of them young children.
        Vaccination coverage in the area is {pct}, below the level needed to prevent outbreaks.
        {p1}, {r1}, {said} the outbreak was not yet under control.
        The {org2} has set aside a ward for patients.
        {p2}, {r2}, {said} staff had seen a steady rise in cases over the past fortnight.
        Extra vaccination clinics will open in {place} {soon}.
        Schools have been asked to send home pupils with symptoms.
        Officials {said} the first cases were linked to a single gathering.
        """,
        """
        p1|The best protection is vaccination, and it is never too late to catch up.
        p2|Our staff are working very hard, and we ask people to use emergency services wisely.
        p3|We did not realise how serious it could be until our son was admitted.
        p1|Anyone with symptoms should stay at home and seek advice.
        """,
        """
        Vaccination rates in {country} have fallen over the past decade.
        A smaller outbreak in the same region was contained two years ago.
        Health officials have warned for years that falling coverage left communities exposed.
        """,
        """
        How the outbreak spread
        Pressure on the hospital
        Advice for families
        """,
        """
        {n1} confirmed cases
        {n2} people treated in hospital
        Vaccination coverage of {pct}
        Extra clinics opening in {place}
        """,
    ),
    "hospital": _phrases(
        """
        {money} for new {subject} at {org}
        {org} to get {n1}-bed {subject}
        {country} approves {money} hospital plan for {place}
        New {subject} in {place} to open in {n3}
        {place} wins funding for {subject}
        """,
        """
        The government of {country} has approved {money} for a new {subject} at the {org}, {officials} {announced} {when}.
        The {org} in {place} is to get a new {n1}-bed {subject}, funded with {money} from the {org2}.
        Plans for a {money} {subject} in {place} were approved {when}, with the first patients {expected} in {n3}.
        """,
        """
        The new {subject} will have {n1} beds and is {expected} to open in {n3}.
        The project will create {about} {n2} jobs for doctors, nurses and support staff.
        {p1}, {r1}, {said} the investment would cut waiting times across the region.
        The {org2} will provide the funding over four years.
        {p2}, {r2}, {said} construction would begin {soon}.
        The existing building at the {org} dates from the 1960s.
        {p3}, {r3}, {said} staff had been asking for new facilities for years.
        Patient groups in {place} welcomed the decision but asked for details on staffing.
        """,
        """
        p1|Patients in {place} deserve modern care close to home, and this investment delivers it.
        p2|This is the biggest investment in the hospital since it was built.
        p3|We have been working in a building that is no longer fit for purpose.
        p1|We will make sure the money reaches the front line.
        """,
        """
        Waiting times at the {org} are among the longest in {country}.
        A previous plan to rebuild the hospital was shelved during budget cuts.
        Health spending in {country} has been under pressure for years.
        """,
        """
        The plans in detail
        What staff say
        When it will open
        """,
        """
        Funding: {money}
        {n1} new beds
        {about} {n2} new jobs
        Opening in {n3}
        """,
    ),
}

GENERIC = _lines(
    """
    {officials} in {place} {said} further details would be published {soon}.
    {residents} in {place} gave a mixed reaction to the news on {day}.
    The {org} did not respond to a request for comment by the time of publication.
    Observers in {country} {said} the coming weeks would show how much has really changed.
    It is not the first time {place} has found itself at the centre of national attention.
    Analysts {said} the decision could have consequences well beyond {place}.
    The news was first reported by local media in {place} on {day}.
    A spokesperson for the {org} {said} the organisation was studying the details.
    {critics} in {country} were quick to question the timing of the announcement.
    The mood in {place} on {day} was described by one resident as cautiously hopeful.
    {p2} is {expected} to set out more details at a briefing in {place} {soon}.
    Questions remain about how the plans will be paid for, {critics} in {country} {said}.
    The {org2} said it would publish its own assessment {soon}.
    Events in {place} have been followed closely elsewhere in {country}.
    """
)

# Paragraphs that start like a related-link marker or an attribution but are ordinary
# prose: cleaners must keep them.
LOOKALIKES = _lines(
    """
    Also, read the {org}'s own report on the matter: it runs to dozens of pages and is blunter than any public statement.
    Read more carefully, the figures published by the {org} tell a more cautious story than the headline numbers.
    More broadly, the episode has revived an old debate in {country} about who should pay for decisions like this.
    Related questions were raised in {place} on {day}, when {p2} appeared before local officials.
    Recommended by advisers as early as last year, the plan was delayed twice before the {org} agreed to it.
    See, for example, how {place} handled a similar situation a decade ago, when the arguments were much the same.
    Source of much of the frustration in {place} is the feeling that decisions are made elsewhere.
    Via a series of meetings over the past year, the {org} and the {org2} have narrowed their differences.
    """
)

# A paragraph that introduces a block quotation.
QUOTE_LEAD_INS = _lines(
    """
    {speaker}, {role}, put it bluntly:
    Speaking in {place} on {day}, {speaker} was unequivocal:
    In a statement, {speaker}, {role}, said:
    {speaker} summed up the mood:
    """
)

# How a quotation is attributed inside a paragraph.
QUOTE_FORMS = (
    "{oq}{quote_comma}{cq} {speaker} {said}.",
    "{oq}{quote_comma}{cq} {said_inv} {speaker}, {role}.",
    "{speaker}, {role}, {said}: {oq}{quote}{cq}",
    "{oq}{quote}{cq} That was the message from {speaker}, {role}.",
)

# Intros for a short list of key facts.
LIST_INTROS = ("Key facts", "At a glance", "The main points", "What we know")
