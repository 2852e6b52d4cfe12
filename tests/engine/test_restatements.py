"""Facts a rewrite states in other words stay quiet; the same sentences with the fact
changed are still flagged.

Each case is a pair of short articles written for this file: the rewrite restates a place as
its people's adjective, a figure with a scale word as its digits, a possessive name without
its ending, a temperature's scale, a date's preposition, a forecast as someone's
expectation, a negation as a contrast ("rather than", "free of", "the only one"), "more than
half" as "a majority", "the year to" as "the 12 months to", a rate, a century (or its
hundreds: "the 1400s"), an hour opening a range to a time ("from seven until noon"), "never
on Sundays" as "except Sunday", "empty for six years" as "empty since 2021", "over eleven
weeks" opening a clause as "eleven weeks", a season of two years ("2022-23") or named by its
year ("its 2030 season"), weekdays as "Monday to Friday", "not open to dogs, apart from
guide dogs" as "only guide dogs", "the next year" as "the coming twelve months", two
headlines giving two of the story's figures, "without delay" as "quickly", "a mile" as
"1.6km", "one in twenty rounds" as "5% of rounds", "none of the crew was injured" as "all
the crew are safe", a counter "back" (returned) beside a "front counter", a modal inside a
question to be decided ("decide where moorings could be placed"), or a rise "up to" a
figure. Beside each, a changed version of the same rewrite must be flagged, so that none of
these rules hides a real change.
"""

from __future__ import annotations

import pytest

from diffreader.engine import compare
from diffreader.engine.load import document_from_text
from diffreader.engine.substitutions import demonym_forms


def _claims(a: str, b: str) -> set[tuple[str, str, str]]:
    c = compare(document_from_text(a), document_from_text(b))
    return {(x.kind.value, x.category.value, x.text) for x in c.claims}


QUIET = {
    "a title's kind in other words": (
        "The charity's financial director, Orla Penwick, said donations had fallen.\n",
        "Orla Penwick, the charity's finance director, said donations had fallen.\n",
    ),
    "a title's kind added, or what follows it": (
        "The council's director, Orla Penwick, said the library would reopen in March.\n",
        "Orla Penwick, the council's planning director, said the library would reopen in March.\n",
    ),
    "a state held until a time, told as its opposite from then": (
        "The footbridge will remain closed until April while its deck is replaced.\n",
        "The footbridge will reopen in April once its deck has been replaced.\n",
    ),
    "a closing time told as opening hours, the sentence rewritten": (
        "The library will stay open until 9pm on Thursdays from June.\n",
        "From June the library will close at 9pm on Thursdays.\n",
    ),
    "neither and nor, one negation": (
        "The charity delivers parcels to villages that have no shops or buses.\n",
        "The charity aims to supply villages that have neither shops nor buses.\n",
    ),
    "a denial until an event the other side states": (
        "The ferry will not sail until the harbour wall is repaired.\n",
        "The ferry will sail again once the harbour wall has been repaired.\n",
    ),
    "a coalition's junior partner, a party": (
        "The coalition collapsed when the smaller party in it walked out.\n",
        "The coalition collapsed when its junior partner walked out.\n",
    ),
    "a company's period as the months to its last, and as its first and last": (
        "Bookings in the three months to the end of September were 9% higher.\n",
        "Bookings in the July-to-September quarter were up 9%.\n",
    ),
    "half a year as the months to its last, and between its first and last": (
        "The brewer said profit in the six months to March fell by a fifth.\n",
        "Profit between October and March fell by a fifth, the brewer said.\n",
    ),
    "three months to a quarter's end, as the quarter": (
        "Output in the three months to December was the highest for a decade.\n",
        "Output in the fourth quarter was the highest for a decade.\n",
    ),
    "a month as four weeks": (
        "The lido will open on Saturday, about a month later than planned.\n",
        "The lido will open on Saturday, roughly four weeks behind schedule.\n",
    ),
    "months as weeks, replaced": (
        "Resurfacing the runway will take about two months, the airport said.\n",
        "Resurfacing the runway will take around eight weeks, the airport said.\n",
    ),
    "a quarter of a year as 13 weeks": (
        "The consultation will run for three months.\n",
        "The consultation will run for 13 weeks.\n",
    ),
    "a level held, as a change denied": (
        "Passenger numbers were flat, but fares rose by 4%.\n",
        "Fares rose 4% even though passenger numbers did not change.\n",
    ),
    "short of, as not enough": (
        "The choir is still short of tenors for the spring concert.\n",
        "There are still not enough tenors for the choir's spring concert.\n",
    ),
    "what people could do, told as what they did": (
        "Visitors could choose between a guided walk and a boat trip on the lake.\n",
        "Visitors chose either a guided walk or a boat trip on the lake.\n",
    ),
    "what people were allowed to do, in reported speech": (
        "Police said the road was safe and drivers could use it again.\n",
        "Police said the road was safe for drivers to use again.\n",
    ),
    "a part done, as a whole not done": (
        "The council said it had not carried out the review in full because of staff shortages.\n",
        "Because of staff shortages, the council said, it only partly carried out the review.\n",
    ),
    "a noun denied, moved to the next sentence": (
        "The rider blamed a faulty saddle. The panel rejected that, saying he had shown no "
        "evidence for it.\n",
        "The rider blamed a faulty saddle, but the panel rejected that as he had shown no "
        "evidence to back it up.\n",
    ),
    "two as a pair": (
        "The charity will use its two rescue boats to reach the stranded sheep.\n",
        "Stranded sheep will be reached with the charity's pair of rescue boats.\n",
    ),
    "a title elected or become": (
        "Orla Penwick was elected mayor of the borough on Thursday.\n",
        "Orla Penwick will become mayor of the borough after Thursday's vote.\n",
    ),
    "a count of a whole given as its share": (
        "The gallery said two of its four exhibitions planned for 2027 were now in doubt.\n",
        "Half of the four exhibitions the gallery planned for 2027 are now uncertain, it said.\n",
    ),
    "a share given as a bound": (
        "Of the 212 members balloted, 81% backed the strike.\n",
        "More than 80% of the 212 members balloted backed the strike.\n",
    ),
    "an exact figure given as a bound": (
        "The council said 2,034 people signed the petition and 38 spoke at the meeting.\n",
        "More than 2,000 people signed the petition and fewer than 40 spoke at the meeting, "
        "the council said.\n",
    ),
    "a distance written out, converted": (
        "Volunteers counted 186 burrows along a nine-mile stretch of the river this summer.\n",
        "This summer volunteers counted 186 burrows on a 14.5-kilometre length of the river.\n",
    ),
    "over a span of time, during it": (
        "More than 30,000 trees have been planted at the quarry this winter. About 600 "
        "volunteers took part over 11 weekends.\n",
        "This winter some 600 volunteers spent 11 weekends planting more than 30,000 trees at "
        "the quarry.\n",
    ),
    "place as adjective": (
        "The Kenyan government said on Monday it would raise the tax on diesel. Officials "
        "in Nairobi said the rise was needed to pay for roads.\n\nThe Brazilian minister "
        "met Canadian officials in Ottawa.\n",
        "Kenya's government said on Monday it would raise the tax on diesel. Officials in "
        "Nairobi said the rise was needed to pay for roads.\n\nBrazil's minister met "
        "officials from Canada in Ottawa.\n",
    ),
    "irregular adjective": (
        "The French navy sent two ships to the strait on Friday.\n",
        "France's navy sent two ships to the strait on Friday.\n",
    ),
    "digits with a scale": (
        "The company is recalling 2.5 million bottles of its cough syrup, the regulator "
        "said. The census counted 3,640,000 residents.\n",
        "A total of 2,500,000 bottles of cough syrup are being recalled by the company, "
        "the regulator said. The census counted 3.64 million residents.\n",
    ),
    "possessive name": (
        "Marlow's finance director, Ada Quist, will run the new unit, and Penhale's "
        "chairman will sit on its board.\n\nShares in Marlow rose 4 per cent, while "
        "Penhale's fell slightly.\n",
        "Ada Quist, Marlow's finance director, will run the new unit, and the Penhale "
        "chairman will sit on its board.\n\nMarlow shares rose 4 per cent; Penhale's "
        "dipped.\n",
    ),
    "temperature scale": (
        "Thermometers in Oxley showed 38.6C on Tuesday, a record for the county.\n",
        "Oxley recorded 38.6 degrees Celsius on Tuesday, a county record.\n",
    ),
    "date preposition": (
        "The old record, 36.2C, was set in August 2003.\n",
        "The old record of 36.2C had stood since August 2003.\n",
    ),
    "belief as attribution": (
        "Forecasters expect the dry spell to last until at least Sunday.\n",
        "The dry spell is forecast to last until at least Sunday.\n",
    ),
    "contrast for a negation": (
        "Officials said the fire was started by a spark from a tractor, not by lightning.\n",
        "The fire was sparked by a tractor rather than lightning, officials said.\n",
    ),
    "free of for a negation": (
        "The regulator said the tablets were not contaminated.\n",
        "According to the regulator, the tablets are free of contamination.\n",
    ),
    "only for no other": (
        "No other club in the league reached the final.\n",
        "The club was the only one in the league to reach the final.\n",
    ),
    "negations until a ruling": (
        "The owner says it does not owe the fee and has refused to pay until a court rules.\n",
        "The owner denies owing the fee and will not pay until a court has ruled.\n",
    ),
    "a majority": (
        "For the first time, more than half of all households had one or two members.\n",
        "Households of one or two people were a majority of all households for the first time.\n",
    ),
    "the year to a month": (
        "Consumer prices rose 3.1 per cent in the year to October.\n",
        "In the 12 months to October, consumer prices climbed 3.1%.\n",
    ),
    "a rate": (
        "A twice-daily pill slowed memory loss by 31 per cent, the trial found.\n",
        "A pill taken twice a day slowed memory loss by 31 per cent, the trial found.\n",
    ),
    "a race time in minutes as a clock": (
        "Abena Quist won the 10km in 34 minutes and 12 seconds, the club said.\n",
        "Abena Quist won the 10km, finishing in 34:12, the club said.\n",
    ),
    "a percentage as a ratio": (
        "Of the 2,300 tenants surveyed, 81% said repairs took too long, the union said.\n",
        "Four in five of the 2,300 tenants surveyed said repairs took too long, the union said.\n",
    ),
    "a percentage as a fraction": (
        "The carrier cut 34 per cent of its winter routes after fuel costs rose.\n",
        "After fuel costs rose, the carrier cut a third of its winter routes.\n",
    ),
    "a lede's rounded share beside the exact one": (
        "Fewer than six in ten riders are happy with the tram service, the survey found. "
        "Satisfaction stood at 58%, down from 63%.\n",
        "Just 58% of riders are happy with the tram service, down from 63%, the survey found.\n",
    ),
    "halves given by participles": (
        "The trial enrolled 900 commuters. Half were given the new timetable and half the "
        "old one.\n",
        "The trial enrolled 900 commuters, with half receiving the new timetable and half "
        "receiving the old one.\n",
    ),
    "days as months": (
        "After 180 days, the lake's water level had recovered, the agency said.\n",
        "Six months later the lake's water level had recovered, the agency said.\n",
    ),
    "an adjective of what can be done as a modal": (
        "By noon the mountain pass was usable again, the highways office said.\n",
        "By noon the mountain pass could be used again, the highways office said.\n",
    ),
    "a possibility as a modal": (
        "A flood alert covers the valley until Friday, with rises of a metre possible on "
        "the lower river.\n",
        "A flood alert covers the valley until Friday, and the lower river could see rises "
        "of a metre.\n",
    ),
    "a refusal denied to none as granted to all": (
        "The head said no family had been refused a place at the new school this year.\n",
        "The head said every family had been offered a place at the new school this year.\n",
    ),
    "having none as lacking": (
        "Inspectors found that two wards still have no working lifts, the report said.\n",
        "Inspectors found that working lifts are still lacking on two wards, the report said.\n",
    ),
    "a weekday moved to another sentence": (
        "The bakery chain made a profit of £8 million in the first quarter, up 5% on a year "
        "earlier. Sales rose 3% to £140 million, the company said on Tuesday.\n",
        "The bakery chain reported a first-quarter profit of £8 million, 5% higher than a year "
        "ago, on Tuesday. Revenue climbed 3% to £140 million.\n",
    ),
    "within a span as less than it": (
        "Crews reached the fire within twelve minutes of the first call, the service said.\n",
        "Crews were at the fire less than twelve minutes after the first call, the service said.\n",
    ),
    "several days as the next few": (
        "Forecasters said the heat was likely to last for several days.\n",
        "The heat is likely to last over the next few days, forecasters said.\n",
    ),
    "a bare plural span as a few of it": (
        "The vet said the injection took seconds and cost owners about £30.\n",
        "The injection takes a few seconds and costs owners around £30, the vet said.\n",
    ),
    "a place as its people's adjective": (
        "The presidents of Ulvenia and Marvesta agreed on Friday to reopen their border. "
        "Ulvenia's president, Bronislav Petrusenko, said the talks went well. Marvesta's "
        "president, Kaveh Esfandiari, called the talks frank and useful.\n",
        "The presidents of Ulvenia and Marvesta agreed on Friday to reopen their border. "
        "Ulvenia's president, Bronislav Petrusenko, said the talks went well. His Marvestan "
        "counterpart, Kaveh Esfandiari, described the talks as frank and useful.\n",
    ),
    "a supply out as a place without it": (
        "Water is out across much of the valley, and the bridge is closed by floodwater.\n",
        "Much of the valley is without water, and floodwater has closed the bridge.\n",
    ),
    "a supply cut as homes without it": (
        "About 30,000 homes were without electricity on Sunday after gales brought down lines.\n",
        "Gales brought down lines, cutting electricity to some 30,000 homes on Sunday.\n",
    ),
    "cancelled as none running": (
        "Ferries between the two islands were cancelled on Monday because of the gale.\n",
        "No ferries ran between the two islands on Monday because of the gale.\n",
    ),
    "a headline giving another of the story's figures in words": (
        "Valemark returns to bond markets with €3 billion sale\n\nValemark sold €3 billion "
        "of seven-year bonds on Tuesday, its first sale since 2026.\n",
        "Strong demand as Valemark sells seven-year bonds\n\nValemark raised €3 billion "
        "from a sale of seven-year bonds on Tuesday, its first since 2026.\n",
    ),
    "a count referring back to things named": (
        "Skelmira Air will fly between Portavel and Nadrigo from March. It will be the only "
        "direct service between the two cities since 2019.\n",
        "Skelmira Air will fly directly between Portavel and Nadrigo from March. No airline "
        "has flown the route direct since 2019.\n",
    ),
    "nearly as almost, not near": (
        "Tests found the fake pads stopped a van in nearly twice the distance of genuine ones.\n",
        "In tests, the fake pads took almost twice as far as genuine ones to stop a van.\n",
    ),
    "a span in years and months as months": (
        "The builder was jailed for three years and four months at Carlow Crown Court.\n",
        "The builder was jailed for 40 months at Carlow Crown Court.\n",
    ),
    "may only as a rule": (
        "Inside the zone, sheep are moved off farms only with a licence, officials said.\n",
        "Inside the zone, sheep may only be moved off farms under licence, officials said.\n",
    ),
    "about as much as a count, as a likeness": (
        "The plant would use up to 60 megawatts, about as much as 45,000 homes, the firm said.\n",
        "The plant would draw as much as 60 megawatts, roughly what 45,000 homes use, the "
        "firm said.\n",
    ),
    "too wet for as could not": (
        "Snow left the lower slopes too soft for the piste machines, the resort said.\n",
        "After the snow, the piste machines could not work the lower slopes, the resort said.\n",
    ),
    "still in place as yet to be done": (
        "The storm felled dozens of trees, and some are still lying across the lanes.\n",
        "The storm brought down dozens of trees, some of which have yet to be cleared from "
        "the lanes.\n",
    ),
    "not convinced as sceptical": (
        "Residents' groups were not convinced by the plan, the paper said.\n",
        "Residents' groups were sceptical of the plan, the paper said.\n",
    ),
    "a quarter as its first and last months": (
        "Repossessions rose by a fifth between July and September, the figures show.\n",
        "Repossessions rose by a fifth in the third quarter of the year, the figures show.\n",
    ),
    "lost as beaten in the passive": (
        "The coalition lost three votes in the assembly last month.\n",
        "The coalition was defeated in three votes in the assembly last month.\n",
    ),
    "a total of a count given in two parts": (
        "The coach, carrying 31 pupils and four teachers, left the road near Hallow Cross.\n",
        "There were 35 people on the coach, 31 pupils and four teachers, when it left the "
        "road near Hallow Cross.\n",
    ),
    "neither damaged as both undamaged": (
        "The lorry stopped short of the crossing. Nobody was hurt, and neither vehicle was "
        "damaged.\n",
        "The lorry halted before the crossing. No one was injured and both vehicles were "
        "undamaged.\n",
    ),
    "a race time in hundredths as a clock": (
        "Tamsin Oduya took the 1500m title in 4 minutes 1.82 seconds, a championship best.\n",
        "Tamsin Oduya took the 1500m title in 4:01.82, a championship best.\n",
    ),
    "a ratio before a number": (
        "Half of the crew are women, against fewer than one in ten five years ago.\n",
        "Women make up 50% of the crew, up from under 10% five years ago.\n",
    ),
    "what is left of a whole": (
        "The bookmaker is to close 85 of its 410 betting shops by the end of the year.\n",
        "The bookmaker will shut 85 shops before the year is out, leaving it with 325.\n",
    ),
    "a bound after the figure": (
        "More than 8,000 people now play the hospice lottery each week.\n",
        "The hospice lottery's 8,000-plus players now play each week.\n",
    ),
    "a count's rate": (
        "The tunnel carries around 52,000 vehicles a day and 18 lorries an hour, it said.\n",
        "The tunnel carries about 52,000 vehicles daily and 18 lorries hourly, it said.\n",
    ),
    "a century as its hundreds": (
        "The chapel's oldest window was made in the 15th century, the trust said.\n",
        "The earliest window in the chapel dates from the 1400s, according to the trust.\n",
    ),
    "opening hours from a bare hour to noon": (
        "The market hall is open from seven until noon on weekdays.\n",
        "On weekdays the market hall opens from 7am to 12pm.\n",
    ),
    "opening hours from a bare hour to midnight": (
        "The skate park will stay lit from six until midnight.\n",
        "Lights at the skate park will be on from 6pm to 12am.\n",
    ),
    "never on a day as every day except it": (
        "The ferry runs twice a day but never on Sundays.\n",
        "The ferry runs twice a day, every day except Sunday.\n",
    ),
    "a season of two years is no span of time": (
        "The striker missed most of the 2022-23 season with a knee injury.\n",
        "A knee injury kept the striker out for much of the 2022-23 campaign.\n",
    ),
    "a span of years up to now as the year it began": (
        "Published 09:00, 4 May 2027\n\nThe mill has stood empty for six years, the owners said.\n",
        "Updated 11:30, 4 May 2027\n\nThe mill has been empty since 2021, according to its "
        "owners.\n",
    ),
    "a span of time opening a clause with over": (
        "The 80-metre ship will spend eleven weeks studying the ice shelf. It cost £90 million "
        "and can break ice two metres thick.\n",
        "Over eleven weeks, the crew will study the ice shelf. The 80-metre vessel, which cost "
        "£90 million, can break ice two metres thick.\n",
    ),
    "a season named by its year is no span of time": (
        "Published 08:00, 12 April 2030\n\nThe theme park opened its season on Saturday with "
        "two new rides.\n",
        "Posted 09:00, 12 April 2030\n\nThe theme park opened its 2030 season on Saturday "
        "with two new rides.\n",
    ),
    "weekdays as Monday to Friday": (
        "The dial-a-ride bus will run from 8am to 6pm on weekdays and from 10am to 4pm at "
        "weekends.\n",
        "Bookings can be made for journeys 8am-6pm Monday to Friday and 10am-4pm on Saturday "
        "and Sunday.\n",
    ),
    "a negation with an exception as only": (
        "The hostel is not open to dogs, apart from guide dogs. It has 40 beds.\n",
        "Only guide dogs are allowed at the hostel, which has 40 beds.\n",
    ),
    "the next year as the coming twelve months": (
        "The scheme will add 40 docking stations over the next year.\n",
        "Over the coming twelve months the scheme will add 40 docking stations.\n",
    ),
    "headlines giving two of the story's figures": (
        "Ice core holds 20,000 years of climate history\n\nA team has drilled an ice core 412 "
        "metres long from the ice rise. Its deepest ice may be about 20,000 years old.\n",
        "Team brings back 412-metre ice core\n\nA team has drilled a 412-metre ice core from "
        "the ice rise. Its oldest ice could be around 20,000 years old.\n",
    ),
    "a modal in a question someone will decide": (
        "The harbour survey, which took 41 days, will help decide where new moorings could be "
        "placed.\n",
        "The harbour survey took 41 days and will help choose spots for new moorings.\n",
    ),
    "a front counter coming back": (
        "Police front counter returns to Kelbrook after four years\n\nThe counter will reopen "
        "on 2 September.\n",
        "Four years on, Kelbrook gets its police station counter back\n\nThe counter will "
        "reopen on 2 September.\n",
    ),
    "at once as without delay": (
        "The skipper raised the alarm quickly, and all four crew wore lifejackets.\n",
        "The skipper raised the alarm without delay, and all four crew had lifejackets on.\n",
    ),
    "no one hurt as everyone safe": (
        "None of the nine crew was injured when the trawler ran aground on Tuesday.\n",
        "All nine crew are safe after the trawler ran aground on Tuesday.\n",
    ),
    "a mile converted": (
        "Strong winds carried the two kayakers about a mile out to sea from the beach.\n",
        "Strong winds carried the two kayakers roughly 1.6km out to sea from the beach.\n",
    ),
    "one in twenty as a share": (
        "The tribunal found that fewer than one in twenty rounds had been covered by a "
        "substitute.\n",
        "The tribunal found that under 5% of rounds had been covered by a substitute.\n",
    ),
    "an ordinal century": (
        "Three gold brooches from the seventh century were stolen on Tuesday.\n",
        "Three seventh-century gold brooches were taken on Tuesday.\n",
    ),
    "a rise to a figure": (
        "Unemployment rose to 5.2 per cent, its highest level in four years.\n",
        "The jobless rate went up to 5.2%, the highest in four years.\n",
    ),
    "negations in other words": (
        "Olsen said the club had not wanted to sell him but could not match the wages offered.\n",
        "Olsen said the club had been reluctant to sell him but was unable to match the "
        "wages on offer.\n",
    ),
    "a double negation": (
        "Patients should not stop taking the tablets without speaking to a doctor.\n",
        "Patients ought to talk to a doctor before they stop taking the tablets.\n",
    ),
    "a span of one": (
        "At least nine walkers were rescued from the ridge over the past fortnight.\n",
        "At least nine walkers have been rescued from the ridge in the past two weeks.\n",
    ),
    "a minute's count": (
        "Rovers levelled in the 63rd minute through a header from Dale Amis.\n",
        "Dale Amis headed Rovers level on 63 minutes.\n",
    ),
    "last year as a year earlier": (
        "Sales rose to 4,100 cars in May, up from 3,800 last year, the dealer said.\n",
        "The dealer sold 4,100 cars in May, against 3,800 a year earlier.\n",
    ),
    "cleared as not guilty": (
        "A former bank clerk was cleared on Friday of stealing £90,000 from customers.\n",
        "A former bank clerk was found not guilty on Friday of stealing £90,000 from customers.\n",
    ),
    "a news outlet's credit dropped": (
        "KELLOW (Harbour Wire) — The ferry link to Kellow will close for a month, its "
        'operator said on Monday. "We have no choice," the operator\'s head, Ada Rusk, told '
        "Harbour Wire afterwards.\n",
        "The ferry link to Kellow will close for a month, its operator said on Monday. "
        '"We have no choice," the operator\'s head, Ada Rusk, said in a statement.\n',
    ),
    "a distance converted": (
        "Homes within 500 metres of the depot were evacuated on Sunday.\n",
        "Homes within 550 yards of the depot were evacuated on Sunday.\n",
    ),
    "a speed converted": (
        "Gusts of up to 110 km/h are expected on the coast tonight.\n",
        "Gusts of up to 68 mph are expected on the coast tonight.\n",
    ),
    "an area converted": (
        "The fire has burned 12,000 hectares of forest since Tuesday.\n",
        "The fire has burned 120 square kilometres of forest since Tuesday.\n",
    ),
    "a floor area abbreviated and converted": (
        "The two shops will take about 40,000 sq ft of the old mill, the owners said.\n",
        "The two shops will occupy roughly 3,700 square metres of the old mill, the owners said.\n",
    ),
    "a pair": (
        "More than 40 volunteers and two sniffer dogs joined the search.\n",
        "In excess of 40 volunteers along with a pair of sniffer dogs joined the search.\n",
    ),
    "an estimate with and without to": (
        "Forecasters issued a warning, with gusts of 70 mph expected on Saturday night.\n",
        "Forecasters issued a warning; gusts are expected to reach 70 mph on Saturday night.\n",
    ),
    "a phrasal verb": (
        "The train came off the tracks near the bridge at 6am.\n",
        "The train left the rails near the bridge at 6am.\n",
    ),
    "a figure rounded": (
        "The new wing cost £24,870,000 and opened on time.\n",
        "The new wing cost nearly £24.9m and opened on time.\n",
    ),
    "a figure rounded to thousands": (
        "Volunteers planted 118,600 trees this winter.\n",
        "Volunteers planted about 120,000 trees this winter.\n",
    ),
    "metres as m": (
        "The cliff has lost 40 metres since 1990, the survey found.\n",
        "The cliff has lost 40m since 1990, the survey found.\n",
    ),
    "a press release's labels": (
        "PRESS RELEASE\n\nThe tram line to Eastbank opens on Sunday, the operator said.\n\n"
        "Notes to editors:\n\n-ends-\n",
        "The tram line to Eastbank opens on Sunday, the operator said.\n",
    ),
    "worked as one before": (
        "Pell, who worked as a lorry driver before turning to poetry, would not say more.\n",
        "A former lorry driver who turned to poetry later, Pell would not say more.\n",
    ),
    "a figure moved into a sentence rewritten whole": (
        "The county council today confirmed that the 3-mile Northgate bypass will open to "
        "traffic on 4 May 2027, completing the largest road scheme in the county since it began "
        "in 1988.\n\nThe bypass adds four new junctions, including a lorry park for 120 vehicles "
        "at Dale Lane, and is expected to carry 20,000 cars a day.\n",
        "Drivers will be able to use the new Northgate bypass from 4 May 2027, the county council "
        "has said.\n\nThe 3-mile road, the largest scheme in the county since it began in 1988, "
        "has four new junctions, including a 120-space lorry park at Dale Lane. It is expected to "
        "carry 20,000 cars a day.\n",
    ),
    "a share as a percentage": (
        "Sales of the cider had fallen by a fifth since September, the brewer said.\n",
        "Sales of the cider have dropped by 20% since September, the brewer said.\n",
    ),
    "a share before a preposition as a percentage": (
        "Visitor numbers are expected to grow by a quarter within three years, the trust said.\n",
        "The trust expects visitor numbers to rise by 25% within three years.\n",
    ),
    "a rate as a count": (
        "Buses will run every 20 minutes on Sundays, the operator said.\n\nThe scanner "
        "is checked twice a year by engineers.\n",
        "Buses will run three times an hour on Sundays, the operator said.\n\nEngineers "
        "check the scanner every six months.\n",
    ),
    "a weekday left out of a date": (
        "The footbridge will reopen on Saturday 14 June, the council said.\n",
        "The footbridge will reopen on 14 June, the council said.\n",
    ),
    "a title as its initials": (
        "Chief Operating Officer Ruth Ansell said the depot was ready.\n",
        "COO Ruth Ansell said the depot was ready.\n",
    ),
    "a title written short": (
        "Councillor Ewan Stroud said the plan was fair. Superintendent Ada Bell agreed.\n",
        "Cllr Ewan Stroud said the plan was fair. Supt Ada Bell agreed.\n",
    ),
    "a span in two units": (
        "A former treasurer was jailed for six years and six months on Friday for stealing "
        "from the town.\n",
        "The former treasurer was sent to prison for six and a half years on Friday for "
        "stealing from the town.\n",
    ),
    "a race time as a clock shows it": (
        "Vrolijk won the marathon on Sunday in 2 hours, 21 minutes and 4 seconds, breaking "
        "the course record.\n",
        "Vrolijk won the marathon on Sunday, clocking 2:21:04 and breaking the course record.\n",
    ),
    "a bound as a verb": (
        "The gap between the cheapest and dearest stations was often more than 10 cents.\n",
        "The difference between the cheapest and priciest stations frequently exceeded 10 cents.\n",
    ),
    "none succeeded for all failed": (
        "Earlier attempts to recall a mayor in the region had all failed, the commission said.\n",
        "None of the earlier attempts to recall a mayor in the region had succeeded, the "
        "commission said.\n",
    ),
    "a wire dateline dropped": (
        "KELLMARSH, Dec. 3 (Tidewater Press) - Vantree's, the department store chain, "
        "collapsed into administration on Thursday, putting about 4,100 jobs at risk.\n",
        "The department store chain Vantree's collapsed into administration on Thursday, "
        "putting about 4,100 jobs at risk.\n",
    ),
    "tens and units in words": (
        "She beat 47 other finalists at the Corbel Hall in Lathersby on Saturday.\n",
        "Forty-seven other finalists were beaten by her at the Corbel Hall in Lathersby on "
        "Saturday.\n",
    ),
    "a rate in one word, a number as a verb": (
        "Neighbouring Cressfield switched to fortnightly collections in 2023 and saw "
        "complaints triple.\n",
        "Neighbouring Cressfield switched to collections every two weeks in 2023, after "
        "which complaints tripled.\n",
    ),
    "a headline in capitals rewritten": (
        "SHAME OF CRUEL VET WHO LEFT DOGS TO GO HUNGRY\n\nA vet who left dogs without food "
        "has been struck off by the profession's watchdog.\n",
        "Vet struck off over neglected dogs\n\nA vet who left dogs without food has been "
        "struck off by the profession's watchdog.\n",
    ),
    "a title written as any leader's": (
        'Athletic\'s manager, Constance Abara, said her players had shown "a lot of character".\n',
        'Athletic boss Constance Abara praised the "character" of her side.\n',
    ),
    "a week of a month": (
        "Work began in the second week of January and the line will reopen on Monday.\n",
        "Work started in mid-January and the line will reopen on Monday.\n",
    ),
    "last year as a year earlier beside this year": (
        "Pupils passing the exam rose to 68 per cent this year, up from 61 per cent last year.\n",
        "This year 68 per cent of pupils passed the exam, compared with 61 per cent a year "
        "earlier.\n",
    ),
    "one possibility for another": (
        "Roadwise said prices could rise again next month as a tax increase takes effect.\n",
        "Roadwise said prices may go up again next month when a tax increase comes into effect.\n",
    ),
    "a time of day moved": (
        "The probe lifted off at 06:42 local time on a Vantor rocket, the agency said.\n",
        "The probe lifted off aboard a Vantor rocket at 06:42 local time, the agency said.\n",
    ),
    "the past week and the coming year": (
        "The price of petrol rose by 6 cents a litre last week, the motoring group said. The "
        "council approved a budget of 1.4 billion crowns for next year on Wednesday.\n",
        "Petrol prices climbed by 6 cents a litre over the past week, the motoring group "
        "said. On Wednesday the council voted through a 1.4bn-crown budget for the coming "
        "year.\n",
    ),
    "an organisation's name shortened": (
        "The plan was approved by Pelham District Council on Tuesday. Dunmore Savings Bank "
        "will lend the rest.\n",
        "Pelham Council approved the plan on Tuesday, and Dunmore Savings Bank will lend the "
        "rest.\n",
    ),
    "a clause turned round": (
        "The apple crop in northern Vellany fell by about a quarter this year after the "
        "wettest spring in 30 years, the growers' union said on Friday.\n",
        "The crop of apples in the north of Vellany fell this year by around one quarter, "
        "after the most wet spring in 30 years, according to the growers' union on Friday.\n",
    ),
    "an accusation restated": (
        "Garside, 44, is accused of endangering life by steering the boat into swimmers.\n",
        "Garside, 44, who is accused of endangering life, steered the boat into swimmers, "
        "the court heard.\n",
    ),
    "a plan due or expected": (
        "The trial is expected to last five days, and the deal is due to be signed next week.\n",
        "The trial is due to last five days, and the deal is expected to be signed next week.\n",
    ),
    "a plan still weighed": (
        "The board will consider the offer next month. Its lawyers were considering an appeal.\n",
        "The board is considering the offer, with a decision next month. Its lawyers were "
        "weighing an appeal.\n",
    ),
    "one for a": (
        "Nobody was hurt, but a member of the crew was treated for shock at the quay.\n",
        "No one was injured, though one of the crew was treated for shock at the quay.\n",
    ),
    "quarters of an hour": (
        "The crossing to Ardholm takes three quarters of an hour, the ferry firm said. The "
        "lifeboat reached the yacht within 15 minutes of the call.\n",
        "The ferry firm said the trip to Ardholm lasts 45 minutes. The lifeboat was alongside "
        "the yacht a quarter of an hour after the call.\n",
    ),
    "an hour and a quarter": (
        "Fans queued for 75 minutes outside the ground on Saturday, the club admitted.\n",
        "The club admitted fans had queued for an hour and a quarter outside the ground on "
        "Saturday.\n",
    ),
    "another year and a half": (
        "The judge told Pellow he must serve an extra 18 months in jail for the assault.\n",
        "Pellow must spend another year and a half behind bars for the assault, the judge said.\n",
    ),
    "a span of time in other words, all the words changed": (
        "Builders arrived at the quay on Monday. The repairs are expected to take about 18 "
        "months. The council will pay for the scaffolding.\n",
        "Builders arrived at the quay on Monday. The work should last around a year and a "
        "half. The council will pay for the scaffolding.\n",
    ),
}

CHANGED = {
    "another country": (
        QUIET["place as adjective"][0],
        QUIET["place as adjective"][1].replace("from Canada", "from Chile"),
        ("added", "Chile"),
    ),
    "another figure": (
        QUIET["digits with a scale"][0],
        QUIET["digits with a scale"][1].replace("2,500,000", "2,800,000"),
        ("added", "2,800,000"),
    ),
    "another scale": (
        QUIET["digits with a scale"][0],
        QUIET["digits with a scale"][1].replace("3.64 million", "3.64 billion"),
        ("added", "3.64 billion"),
    ),
    "another company": (
        QUIET["possessive name"][0],
        QUIET["possessive name"][1].replace("Ada Quist, Marlow's", "Ada Quist, Tolland's"),
        ("added", "Tolland"),
    ),
    "another date": (
        QUIET["date preposition"][0],
        QUIET["date preposition"][1].replace("August 2003", "July 2003"),
        ("added", "July"),
    ),
    "a forecast stated as fact": (
        QUIET["belief as attribution"][0],
        "The dry spell will last until at least Sunday.\n",
        ("dropped", "expect"),
    ),
    "a negation dropped beside a contrast": (
        QUIET["contrast for a negation"][0],
        "The fire was sparked by a tractor or by lightning, officials said.\n",
        ("dropped", "not"),
    ),
    "a negation dropped beside a reluctance": (
        QUIET["negations in other words"][0],
        "Olsen said the club had been reluctant to sell him and could match the wages on offer.\n",
        ("dropped", "not match"),
    ),
    "a negation dropped where two undo each other": (
        QUIET["a double negation"][0],
        "Patients should stop taking the tablets and speak to a doctor.\n",
        ("dropped", "not stop"),
    ),
    "another span than two weeks": (
        QUIET["a span of one"][0],
        QUIET["a span of one"][1].replace("two weeks", "three weeks"),
        ("added", "three weeks"),
    ),
    "another minute": (
        QUIET["a minute's count"][0],
        QUIET["a minute's count"][1].replace("63", "68"),
        ("added", "68"),
    ),
    "a year earlier for last month": (
        QUIET["last year as a year earlier"][0].replace("last year", "last month"),
        QUIET["last year as a year earlier"][1],
        ("dropped", "last month"),
    ),
    "a body that is no outlet dropped": (
        QUIET["a news outlet's credit dropped"][0].replace("Harbour Wire", "Harbour Trust"),
        QUIET["a news outlet's credit dropped"][1],
        ("dropped", "Harbour Trust"),
    ),
    "another unit, the same number": (
        QUIET["a speed converted"][0].replace("110 km/h", "80 km/h"),
        QUIET["a speed converted"][1].replace("68 mph", "80 mph"),
        ("added", "80 mph"),
    ),
    "another distance converted": (
        QUIET["a distance converted"][0],
        QUIET["a distance converted"][1].replace("550 yards", "800 yards"),
        ("added", "800"),
    ),
    "another floor area converted": (
        QUIET["a floor area abbreviated and converted"][0],
        QUIET["a floor area abbreviated and converted"][1].replace("3,700", "5,700"),
        ("added", "5,700 square metres"),
    ),
    "a pair for three": (
        QUIET["a pair"][0].replace("two", "three"),
        QUIET["a pair"][1],
        ("added", "a pair"),
    ),
    "an estimate stated as fact": (
        QUIET["an estimate with and without to"][0],
        "Forecasters issued a warning; gusts will reach 70 mph on Saturday night.\n",
        ("dropped", "expected"),
    ),
    "an estimate of a figure stated as certain": (
        "The new ferry is expected to carry 1,200 passengers a day, the operator said.\n",
        "The new ferry will carry about 1,200 passengers a day, the operator said.\n",
        ("dropped", "expected"),
    ),
    "ahead for behind": (
        "The launch is now three weeks ahead of schedule, the agency said.\n",
        "The launch is now three weeks behind schedule, the agency said.\n",
        ("added", "behind"),
    ),
    "a figure rounded without saying so": (
        QUIET["a figure rounded to thousands"][0],
        QUIET["a figure rounded to thousands"][1].replace("about 120,000", "120,000"),
        ("added", "120,000"),
    ),
    "a figure too far to be rounded": (
        QUIET["a figure rounded"][0],
        QUIET["a figure rounded"][1].replace("nearly £24.9m", "nearly £26m"),
        ("added", "£26m"),
    ),
    "about a figure for more than it": (
        "About 300 people fell ill after the festival.\n",
        "More than 300 people fell ill after the festival.\n",
        ("added", "More than 300"),
    ),
    "a share for a majority": (
        QUIET["a majority"][0].replace("more than half", "40 per cent"),
        QUIET["a majority"][1],
        ("added", "majority"),
    ),
    "another span": (
        QUIET["the year to a month"][0],
        QUIET["the year to a month"][1].replace("12 months", "18 months"),
        ("added", "18 months"),
    ),
    "another remainder of a whole": (
        QUIET["what is left of a whole"][0],
        QUIET["what is left of a whole"][1].replace("325", "335"),
        ("added", "335"),
    ),
    "a bound added after the figure": (
        QUIET["a bound after the figure"][0].replace("More than 8,000", "Exactly 8,000"),
        QUIET["a bound after the figure"][1],
        ("added", "8,000-plus"),
    ),
    "another ratio before a number": (
        QUIET["a ratio before a number"][0],
        QUIET["a ratio before a number"][1].replace("under 10%", "under 20%"),
        ("added", "under 20%"),
    ),
    "another race time in minutes": (
        QUIET["a race time in minutes as a clock"][0],
        QUIET["a race time in minutes as a clock"][1].replace("34:12", "36:12"),
        ("added", "36:12"),
    ),
    "a share rounded too far": (
        QUIET["a percentage as a fraction"][0].replace("34 per cent", "62 per cent"),
        QUIET["a percentage as a fraction"][1].replace("a third", "two-thirds"),
        ("added", "two-thirds"),
    ),
    "a share for the changed percentage, not the one kept": (
        "Some 52% of members voted to accept the offer, on a turnout of 61%.\n",
        "Three in five members voted to accept the offer, on a turnout of 61%.\n",
        ("added", "Three in five"),
    ),
    "days that are not those months": (
        QUIET["days as months"][0].replace("180 days", "150 days"),
        QUIET["days as months"][1],
        ("added", "Six months"),
    ),
    "a modal of possibility for a plain state": (
        "By noon the mountain pass was open again, the highways office said.\n",
        "By noon the mountain pass could be open again, the highways office said.\n",
        ("added", "could"),
    ),
    "a negation added before a clause with since": (
        "The survey covers nurses, who were first counted in 2021.\n",
        "The survey does not cover nurses, who have been counted since 2021.\n",
        ("added", "not cover"),
    ),
    "no reports of harm as some reported": (
        "Crews checked the line overnight. There were no reports of injuries on the train.\n",
        "Crews checked the line overnight. Some injuries were reported on the train.\n",
        ("dropped", "no reports"),
    ),
    "a refusal kept for all": (
        QUIET["a refusal denied to none as granted to all"][0],
        "The head said every family had been refused a place at the new school this year.\n",
        ("dropped", "no family"),
    ),
    "having as lacking": (
        "Inspectors found that two wards still have working lifts, the report said.\n",
        QUIET["having none as lacking"][1],
        ("added", "lacking"),
    ),
    "weekdays traded between sentences": (
        "The vote was held on Monday. The result was published on Thursday.\n",
        "The vote was held on Thursday. The result was published on Monday.\n",
        ("added", "on Thursday"),
    ),
    "within a span as more than it": (
        QUIET["within a span as less than it"][0],
        QUIET["within a span as less than it"][1].replace("less than", "more than"),
        ("added", "more than twelve minutes"),
    ),
    "a few days as a few weeks": (
        QUIET["several days as the next few"][0],
        QUIET["several days as the next few"][1].replace("few days", "few weeks"),
        ("dropped", "several days"),
    ),
    "homes with a supply as homes without it": (
        "About 30,000 homes had electricity on Sunday after gales brought down lines.\n",
        QUIET["a supply cut as homes without it"][0],
        ("added", "without electricity"),
    ),
    "not cancelled as cancelled": (
        "The match will not be cancelled despite the snow, the club said.\n",
        "The match will be cancelled because of the snow, the club said.\n",
        ("dropped", "not be cancelled"),
    ),
    "a headline giving a figure the story lacks": (
        QUIET["a headline giving another of the story's figures in words"][0],
        QUIET["a headline giving another of the story's figures in words"][1].replace(
            "sells seven-year", "sells nine-year"
        ),
        ("added", "nine-year"),
    ),
    "a count of what something has, dropped": (
        "Inspectors found corrosion in two of its four steel supports, the council said.\n",
        "Inspectors found corrosion in two of its steel supports, the council said.\n",
        ("dropped", "four"),
    ),
    "a span in years and months as other months": (
        QUIET["a span in years and months as months"][0],
        QUIET["a span in years and months as months"][1].replace("40 months", "38 months"),
        ("added", "38 months"),
    ),
    "may for a plain statement": (
        "Inside the zone, sheep are moved off farms, officials said.\n",
        "Inside the zone, sheep may be moved off farms, officials said.\n",
        ("added", "may be moved"),
    ),
    "about as much as another count": (
        QUIET["about as much as a count, as a likeness"][0],
        QUIET["about as much as a count, as a likeness"][1].replace("45,000", "54,000"),
        ("added", "54,000"),
    ),
    "soft as could not": (
        "Snow left the lower slopes soft, the resort said.\n",
        QUIET["too wet for as could not"][1],
        ("added", "not work"),
    ),
    "not convinced as convinced": (
        QUIET["not convinced as sceptical"][0],
        "Residents' groups were convinced by the plan, the paper said.\n",
        ("dropped", "not convinced"),
    ),
    "another quarter's months": (
        "Repossessions rose by a fifth between April and June, the figures show.\n",
        QUIET["a quarter as its first and last months"][1],
        ("added", "third quarter"),
    ),
    "lost as beating in the active": (
        QUIET["lost as beaten in the passive"][0],
        "The coalition defeated its rivals in three votes in the assembly last month.\n",
        ("added", "defeated"),
    ),
    "a total that is not the parts' sum": (
        QUIET["a total of a count given in two parts"][0],
        QUIET["a total of a count given in two parts"][1].replace("There were 35", "There were 36"),
        ("added", "36"),
    ),
    "neither damaged as both damaged": (
        QUIET["neither damaged as both undamaged"][0],
        QUIET["neither damaged as both undamaged"][1].replace("undamaged", "damaged"),
        ("dropped", "neither vehicle"),
    ),
    "another race time in hundredths": (
        QUIET["a race time in hundredths as a clock"][0],
        QUIET["a race time in hundredths as a clock"][1].replace("4:01.82", "4:01.28"),
        ("added", "4:01.28"),
    ),
    "another rate": (
        QUIET["a rate"][0].replace("twice-daily", "once-daily"),
        QUIET["a rate"][1],
        ("added", "twice"),
    ),
    "a century as other hundreds": (
        QUIET["a century as its hundreds"][0],
        QUIET["a century as its hundreds"][1].replace("1400s", "1500s"),
        ("added", "1500s"),
    ),
    "opening hours from another bare hour": (
        QUIET["opening hours from a bare hour to noon"][0],
        QUIET["opening hours from a bare hour to noon"][1].replace("7am", "8am"),
        ("added", "8am"),
    ),
    "opening hours to another time": (
        QUIET["opening hours from a bare hour to midnight"][0],
        QUIET["opening hours from a bare hour to midnight"][1].replace("12am", "11pm"),
        ("added", "11pm"),
    ),
    "noon for another hour": (
        "The market hall closes at noon on weekdays.\n",
        "On weekdays the market hall closes at 1pm.\n",
        ("added", "1pm"),
    ),
    "every day except a day, added": (
        "The ferry runs twice a day.\n",
        QUIET["never on a day as every day except it"][1],
        ("added", "except Sunday"),
    ),
    "a span of seasons changed": (
        "The striker was injured for two seasons.\n",
        "The striker was injured for three seasons.\n",
        ("added", "three seasons"),
    ),
    "a span of years up to now from another year": (
        QUIET["a span of years up to now as the year it began"][0],
        QUIET["a span of years up to now as the year it began"][1].replace("2021", "2019"),
        ("added", "2019"),
    ),
    "a span of time opening a clause changed": (
        QUIET["a span of time opening a clause with over"][0],
        QUIET["a span of time opening a clause with over"][1].replace(
            "Over eleven weeks", "Over twelve weeks"
        ),
        ("added", "twelve weeks"),
    ),
    "weekdays as two of them": (
        QUIET["weekdays as Monday to Friday"][0],
        QUIET["weekdays as Monday to Friday"][1].replace("Monday to Friday", "Monday and Tuesday"),
        ("added", "Tuesday"),
    ),
    "a negation with an exception dropped": (
        QUIET["a negation with an exception as only"][0],
        "Guide dogs are allowed at the hostel, which has 40 beds.\n",
        ("dropped", "not open"),
    ),
    "the next year as six months": (
        QUIET["the next year as the coming twelve months"][0],
        QUIET["the next year as the coming twelve months"][1].replace("twelve", "six"),
        ("added", "six months"),
    ),
    "a headline's figure the story does not give": (
        QUIET["headlines giving two of the story's figures"][0],
        QUIET["headlines giving two of the story's figures"][1].replace(
            "Team brings back 412-metre", "Team brings back 430-metre"
        ),
        ("added", "430-metre"),
    ),
    "a modal of a plan made sure": (
        "The council has chosen a site where 300 homes could be built.\n",
        "The council has chosen a site where 300 homes will be built.\n",
        ("dropped", "could"),
    ),
    "without warning, added": (
        "The skipper raised the alarm, and all four crew wore lifejackets.\n",
        "The alarm sounded without warning, and all four crew wore lifejackets.\n",
        ("added", "without warning"),
    ),
    "no one hurt, then two": (
        QUIET["no one hurt as everyone safe"][0],
        "Two of the nine crew were injured when the trawler ran aground on Tuesday.\n",
        ("added", "Two"),
    ),
    "a mile for three kilometres": (
        QUIET["a mile converted"][0],
        QUIET["a mile converted"][1].replace("1.6km", "3km"),
        ("added", "3km"),
    ),
    "another century": (
        QUIET["an ordinal century"][0],
        QUIET["an ordinal century"][1].replace("seventh", "eighth"),
        ("added", "eighth"),
    ),
    "a bound added": (
        QUIET["a rise to a figure"][0],
        "Unemployment could reach up to 5.2%, the highest in four years.\n",
        ("added", "up to 5.2%"),
    ),
    "a status dropped before an occupation": (
        "The road will reopen in May, the acting county surveyor, Ines Varga, said.\n",
        "The road will reopen in May, county surveyor Ines Varga said.\n",
        ("dropped", "acting county surveyor"),
    ),
    "another status before an occupation": (
        "Rowe, who spent a decade as principal cellist of the city orchestra, has retired.\n",
        "Rowe, who served for a decade as guest cellist of the city orchestra, has retired.\n",
        ("added", "guest cellist"),
    ),
    "a status where the work goes on": (
        "Pell, who works as a lorry driver, would not say more.\n",
        "A former lorry driver, Pell would not say more.\n",
        ("added", "former lorry driver"),
    ),
    "an opposite in a reworded clause": (
        "The ferry turned back after its crew reported a leak in the inner hull, the operator "
        "said.\n",
        "The ferry turned back after the crew found a leak through its outer "
        "hull, according to the operator.\n",
        ("added", "outer"),
    ),
    "a figure changed in a sentence rewritten whole": (
        QUIET["a figure moved into a sentence rewritten whole"][0],
        QUIET["a figure moved into a sentence rewritten whole"][1].replace("four new", "six new"),
        ("added", "six"),
    ),
    "another share": (
        QUIET["a share as a percentage"][0],
        QUIET["a share as a percentage"][1].replace("20%", "25%"),
        ("added", "25%"),
    ),
    "another count for an interval": (
        QUIET["a rate as a count"][0],
        QUIET["a rate as a count"][1].replace("three times", "four times"),
        ("added", "four"),
    ),
    "another interval": (
        QUIET["a rate as a count"][0],
        QUIET["a rate as a count"][1].replace("six months", "three months"),
        ("added", "three months"),
    ),
    "another weekday before a date": (
        QUIET["a weekday left out of a date"][0],
        "The footbridge will reopen on Sunday 14 June, the council said.\n",
        ("added", "Sunday"),
    ),
    "other initials": (
        QUIET["a title as its initials"][0],
        QUIET["a title as its initials"][1].replace("COO", "CFO"),
        ("dropped", "Officer"),
    ),
    "another span in two units": (
        QUIET["a span in two units"][0],
        QUIET["a span in two units"][1].replace(
            "six and a half years", "six years and eight months"
        ),
        ("added", "eight months"),
    ),
    "another race time": (
        QUIET["a race time as a clock shows it"][0],
        QUIET["a race time as a clock shows it"][1].replace("2:21:04", "2:21:40"),
        ("added", "2:21:40"),
    ),
    "a bound dropped for other words": (
        "The change is expected to save up to £300 million a year, the firm said.\n",
        "The change is expected to save the postal firm £300 million a year, it said.\n",
        ("dropped", "up to £300 million"),
    ),
    "a bound verb dropped": (
        QUIET["a bound as a verb"][0],
        QUIET["a bound as a verb"][1].replace("exceeded", "was"),
        ("dropped", "more than 10"),
    ),
    "an opposite a clause away from a negation": (
        "The operator, Relaywave, agreed to move the mast 150 metres further from the "
        "playground after a first plan was refused in June.\n",
        "After the refusal of a first plan in June, Relaywave agreed to move the mast 150 "
        "metres closer to the playground.\n",
        ("added", "closer"),
    ),
    "a statement walked back": (
        "Police said the hole had been caused by a burst water pipe.\n",
        "Police initially said the hole had been caused by a burst water pipe.\n",
        ("added", "initially"),
    ),
    "a date changed after a dateline": (
        QUIET["a wire dateline dropped"][0],
        QUIET["a wire dateline dropped"][1].replace("on Thursday", "on Dec. 2"),
        ("added", "Dec. 2"),
    ),
    "other tens and units": (
        QUIET["tens and units in words"][0],
        QUIET["tens and units in words"][1].replace("Forty-seven", "Forty-eight"),
        ("added", "Forty-eight"),
    ),
    "another multiple": (
        QUIET["a rate in one word, a number as a verb"][0],
        QUIET["a rate in one word, a number as a verb"][1].replace("tripled", "doubled"),
        ("dropped", "triple"),
    ),
    "another rate in one word": (
        QUIET["a rate in one word, a number as a verb"][0],
        QUIET["a rate in one word, a number as a verb"][1].replace("every two", "every three"),
        ("added", "three weeks"),
    ),
    "another title before the same name": (
        "The company's operations manager, Piran Feay, said the pilot followed every procedure.\n",
        "The company's managing director, Piran Feay, said the pilot followed every procedure.\n",
        ("added", "managing director"),
    ),
    "the same title of another kind": (
        "The museum's finance director, Orla Penwick, said visitor numbers had doubled.\n",
        "Orla Penwick, the museum's education director, said visitor numbers had doubled.\n",
        ("added", "education director"),
    ),
    "the same title of another kind, written before the name": (
        "The finance director, Bryony Talk, will run the firm until a successor is found.\n",
        "Operations director Bryony Talk will run the firm until a successor is found.\n",
        ("added", "Operations director"),
    ),
    "the same title of another kind, the original's side": (
        "The club's commercial manager, Tobin Ashgrove, said the new stand would open in May.\n",
        "The club's stadium manager, Tobin Ashgrove, said the new stand would open in May.\n",
        ("dropped", "commercial manager"),
    ),
    "a change of a figure turned round, the sentence rewritten round it": (
        "Ticket sales, which now make up nearly half of the festival's income, rose by 8%.\n",
        "Ticket sales fell 8% and now make up nearly half of the festival's income.\n",
        ("added", "fell"),
    ),
    "a rise of a figure given as a fall by it, elsewhere in the sentence": (
        "The trust reported a 14% rise in volunteers over the year.\n",
        "Volunteer numbers fell by 14% over the year, the trust reported.\n",
        ("dropped", "rise"),
    ),
    "a denial until an event the other side does not state": (
        "Swimmers can keep using the outdoor pool but should shower afterwards.\n",
        "Swimmers should not use the outdoor pool until the water has been tested.\n",
        ("added", "not use"),
    ),
    "a grade of a title dropped": (
        "The trust's senior archivist, Wendel Osterby, said the letters were genuine.\n",
        "Archivist Wendel Osterby said the letters were genuine.\n",
        ("dropped", "senior archivist"),
    ),
    "a shared title made one's own": (
        "Its joint managing director, Pella Rusk, said the plant would stay open.\n",
        "Managing director Pella Rusk said the plant would stay open.\n",
        ("dropped", "joint"),
    ),
    "the months to another month": (
        "Bookings in the three months to the end of September were 9% higher.\n",
        "Bookings in the August-to-October quarter were up 9%.\n",
        ("added", "August"),
    ),
    "months as weeks that are not as many": (
        "The consultation will run for three months.\n",
        "The consultation will run for ten weeks.\n",
        ("added", "ten weeks"),
    ),
    "a level that moved, as a change denied": (
        "Passenger numbers rose, but fares rose by 4%.\n",
        "Fares rose 4% even though passenger numbers did not change.\n",
        ("added", "not change"),
    ),
    "a figure understood, stated plainly": (
        "The contract is understood to be worth £40 million over five years.\n",
        "The contract is worth £40 million over five years.\n",
        ("dropped", "understood to be worth"),
    ),
    "two shares of one thing swapped between sentences": (
        "Ilse Marr won the vote with 52 per cent. Her rival, Tam Oduya, took 31 per cent.\n",
        "Ilse Marr won the vote with 31 per cent. Her rival, Tam Oduya, took 52 per cent.\n",
        ("added", "31 per cent"),
    ),
    "two counts swapped, each ending its sentence": (
        "The rowing club now has 300. The sailing club, its neighbour, has 450.\n",
        "The rowing club now has 450. The sailing club, its neighbour, has 300.\n",
        ("added", "450"),
    ),
    "what may befall people, told as certain": (
        "The union said drivers could lose their bonus next year.\n",
        "The union said drivers will lose their bonus next year.\n",
        ("dropped", "could lose"),
    ),
    "what people may do later, told as certain": (
        "Tenants could move back into the flats next month.\n",
        "Tenants will move back into the flats next month.\n",
        ("dropped", "could move"),
    ),
    "a status dropped, the rewrite's bare title a claim of its own": (
        "The deputy head of the lifeboat station, Oren Vasko, said the crew had been out twice.\n",
        "Head of the lifeboat station Oren Vasko said the crew had been out twice.\n",
        ("added", "Head of the lifeboat station"),
    ),
    "a share replaced by half": (
        "Profit rose by a third in the first half.\n",
        "Profit rose by half in the first half.\n",
        ("added", "half"),
    ),
    "an expectation made sure": (
        "The operator said delays should ease by the end of the month.\n",
        "The operator said delays will ease by the end of the month.\n",
        ("dropped", "should ease"),
    ),
    "two as a pair, then a third": (
        "The charity will use its two rescue boats to reach the stranded sheep.\n",
        "Stranded sheep will be reached with the charity's three rescue boats.\n",
        ("added", "three"),
    ),
    "another role given by a verb": (
        "Hester Vaudrey, who chairs the allotment society, said plots were in demand.\n",
        "Hester Vaudrey, who founded the allotment society, said plots were in demand.\n",
        ("added", "who founded"),
    ),
    "a joint role given by a verb": (
        "Hester Vaudrey, who chairs the allotment society, said plots were in demand.\n",
        "Plots are in demand, said Hester Vaudrey, who co-founded the allotment society.\n",
        ("added", "who co-founded"),
    ),
    "another week of a month": (
        QUIET["a week of a month"][0],
        "Work began in the third week of January and the line will reopen on Monday.\n",
        ("added", "third week"),
    ),
    "a month earlier for last year": (
        QUIET["last year as a year earlier beside this year"][0],
        QUIET["last year as a year earlier beside this year"][1].replace("a year", "a month"),
        ("dropped", "last year"),
    ),
    "a title for an honorific": (
        "Mayor Ewan Stroud said the plan was fair. Director Ada Bell agreed.\n",
        "Mr Ewan Stroud said the plan was fair. Dr Ada Bell agreed.\n",
        ("dropped", "Mayor"),
    ),
    "a possibility for a forecast": (
        QUIET["one possibility for another"][0].replace("could", "would"),
        QUIET["one possibility for another"][1].replace("may", "could"),
        ("added", "could"),
    ),
    "another time of day": (
        QUIET["a time of day moved"][0],
        QUIET["a time of day moved"][1].replace("06:42", "06:52"),
        ("added", "52"),
    ),
    "the coming month for next year": (
        QUIET["the past week and the coming year"][0],
        QUIET["the past week and the coming year"][1].replace("coming year", "coming month"),
        ("dropped", "next year"),
    ),
    "the past week for last month": (
        QUIET["the past week and the coming year"][0].replace("last week", "last month"),
        QUIET["the past week and the coming year"][1],
        ("dropped", "last month"),
    ),
    "a bound dropped in a sentence rewritten whole": (
        "The probe, which cost more than €640 million to build, will map ice near the pole.\n",
        "Built at a cost of €640 million, the probe is meant to chart ice near the pole.\n",
        ("dropped", "more than €640 million"),
    ),
    "an opposite reaction": (
        "Farmers' groups welcomed the decision to cut the fuel duty on Monday.\n",
        "Farmers' groups condemned the decision to cut the fuel duty on Monday.\n",
        ("added", "condemned"),
    ),
    "another council": (
        QUIET["an organisation's name shortened"][0],
        QUIET["an organisation's name shortened"][1].replace("Pelham Council", "Rowley Council"),
        ("added", "Rowley Council"),
    ),
    "another bank": (
        QUIET["an organisation's name shortened"][0],
        QUIET["an organisation's name shortened"][1].replace("Dunmore", "Caldwell"),
        ("added", "Caldwell"),
    ),
    "a bound dropped beside a span of time": (
        QUIET["over a span of time, during it"][0],
        QUIET["over a span of time, during it"][1].replace("more than 30,000", "30,000"),
        ("dropped", "More than 30,000"),
    ),
    "a distance written out, converted wrongly": (
        QUIET["a distance written out, converted"][0],
        QUIET["a distance written out, converted"][1].replace("14.5", "24"),
        ("added", "24-kilometre"),
    ),
    "a bound far from the exact figure": (
        QUIET["an exact figure given as a bound"][0].replace("2,034", "2,434"),
        QUIET["an exact figure given as a bound"][1],
        ("dropped", "2,434"),
    ),
    "an exact figure on the wrong side of a bound": (
        QUIET["an exact figure given as a bound"][0].replace("38 spoke", "42 spoke"),
        QUIET["an exact figure given as a bound"][1],
        ("dropped", "42"),
    ),
    "a share far past its bound": (
        QUIET["a share given as a bound"][0].replace("81%", "91%"),
        QUIET["a share given as a bound"][1],
        ("dropped", "91%"),
    ),
    "another share of the whole": (
        QUIET["a count of a whole given as its share"][0],
        QUIET["a count of a whole given as its share"][1].replace("Half", "A quarter"),
        ("added", "A quarter"),
    ),
    "another software maker": (
        "The outage was caused by an update from its maker, Kellerman Health Systems.\n",
        "The outage was caused by an update from its maker, Trenchard Health Systems.\n",
        ("added", "Trenchard Health Systems"),
    ),
    "another film distributor": (
        "The film, bought by Lowmarsh Pictures, opens in May.\n",
        "The film, bought by Pendrake Pictures, opens in May.\n",
        ("added", "Pendrake Pictures"),
    ),
    "another builder": (
        "The plant will be built by Hallerby Construction, the firm said.\n",
        "The plant will be built by Stonegarth Construction, the firm said.\n",
        ("added", "Stonegarth Construction"),
    ),
    "an opposite in a clause turned round": (
        QUIET["a clause turned round"][0],
        QUIET["a clause turned round"][1].replace("fell this year", "rose this year"),
        ("added", "rose"),
    ),
    "an accusation stated as fact": (
        QUIET["an accusation restated"][0],
        "Garside, 44, endangered life by steering the boat into swimmers, the court heard.\n",
        ("dropped", "accused of"),
    ),
    "provisional figures": (
        "Car park charges rose by 12% last year, according to figures from the trust.\n",
        "Car park charges rose by 12% last year, according to provisional figures from the "
        "trust.\n",
        ("added", "provisional figures"),
    ),
    "a plan due for a possibility": (
        QUIET["a plan due or expected"][1],
        QUIET["a plan due or expected"][1].replace("is due to last", "could last"),
        ("added", "could"),
    ),
    "a plan made for one weighed": (
        "The band is planning a reunion tour next summer, the Evening Ledger reported.\n",
        "The band is considering a reunion tour next summer, the Evening Ledger reported.\n",
        ("added", "considering"),
    ),
    "zero for one": (
        "The takeaway was given a food hygiene rating of zero after inspectors found mice.\n",
        "Inspectors found mice and gave the takeaway a food hygiene rating of one.\n",
        ("added", "one"),
    ),
    "a figure a note on corrections repeats": (
        "The takeaway was given a food hygiene rating of zero after inspectors found mice.\n",
        "Inspectors found mice and gave the takeaway a food hygiene rating of one.\n\n"
        "Correction: An earlier version of this article said the rating was zero.\n",
        ("dropped", "zero"),
    ),
    "three quarters of an hour for 40 minutes": (
        QUIET["quarters of an hour"][0],
        QUIET["quarters of an hour"][1].replace("45 minutes", "40 minutes"),
        ("added", "40 minutes"),
    ),
    "an hour and a quarter for 80 minutes": (
        QUIET["an hour and a quarter"][0].replace("75 minutes", "80 minutes"),
        QUIET["an hour and a quarter"][1],
        ("dropped", "80 minutes"),
    ),
    "another year for 18 months": (
        QUIET["another year and a half"][0],
        QUIET["another year and a half"][1].replace("another year and a half", "another year"),
        ("dropped", "18 months"),
    ),
    "a span of time changed, all the words changed": (
        QUIET["a span of time in other words, all the words changed"][0],
        QUIET["a span of time in other words, all the words changed"][1].replace(
            "a year and a half", "two years"
        ),
        ("added", "two years"),
    ),
}


@pytest.mark.parametrize("name", sorted(QUIET))
def test_restated_fact_is_quiet(name: str) -> None:
    a, b = QUIET[name]
    assert _claims(a, b) == set()


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_changed_fact_is_still_flagged(name: str) -> None:
    a, b, (kind, word) = CHANGED[name]
    found = _claims(a, b)
    assert any(k == kind and word in text for k, _, text in found), found


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("kenyan", "kenya"),
        ("kenya", "kenyan"),
        ("chinese", "china"),
        ("sweden", "swedish"),
        ("poland", "polish"),
        ("france", "french"),
        ("dutch", "netherlands"),
    ],
)
def test_demonym_forms(word: str, form: str) -> None:
    assert form in demonym_forms(word)


def test_demonym_forms_leave_other_places_apart() -> None:
    assert "austria" not in demonym_forms("australian")
    assert "uganda" not in demonym_forms("kenyan")
    assert demonym_forms("iran") & {"iraq", "iraqi"} == set()


def test_figures_that_swapped_sentences_are_not_replaced() -> None:
    """Each article writes both figures, each with what it counts, in two sentences that
    the rewrite ordered the other way: the first group's figures face each other, yet
    neither replaced the other."""
    a = (
        "A battery site that can power 120,000 homes for two hours has opened at the old "
        "colliery. The 240-megawatt scheme stores power when wind farms make more than the "
        "grid needs.\n"
    )
    b = (
        "Arkwren has switched on its 240MW, two-hour battery at the old colliery. Able to "
        "supply 120,000 homes for two hours, it stores power when wind output exceeds demand.\n"
    )
    found = {(kind, text) for kind, category, text in _claims(a, b) if category == "number"}
    assert ("dropped", "120,000") not in found and ("added", "240") not in found, found


def test_a_status_added_is_the_rewrites_claim_alone() -> None:
    """ "former" added before a title with what it is of: the rewrite's status is the
    change; the original's title, the same title, is no dropped role."""
    found = _claims(
        "The secretary of the allotment society, Oren Vasko, said plots were scarce.\n",
        "Oren Vasko, former secretary of the allotment society, said plots were scarce.\n",
    )
    assert found == {("added", "role", "former secretary")}


def test_a_matchs_half_is_no_share() -> None:
    """ "first-half goals" names a period of the match: no figure "half" stands against
    the original's count."""
    found = _claims(
        "The captain scored two goals before the break.\n",
        "The captain scored both of the first-half goals.\n",
    )
    assert not any(text == "half" for _, _, text in found), found
