/**
 * The checks' messages and quick-fix titles (server/src/language/validation/checks/), in English: the
 * source every translation follows. `{name}` is a parameter; `{n:one|other}` an English plural.
 */
export const checks = {
    // customer-checks.ts
    'check.tierMismatch':
        "Customer '{customer}' is declared {tier}, but {reason} suggest {suggested}. Review the tier or the scores: the best resources go to the best customers.",
    'check.tierMismatch.fix': 'Change the tier to {tier}',
    'check.tierReason': '{standing} ({standingScore}/5) and {cooperation} ({cooperationScore}/5)',
    'check.tierReason.highStanding': 'high standing',
    'check.tierReason.moderateStanding': 'moderate standing',
    'check.tierReason.lowStanding': 'low standing',
    'check.tierReason.largeCooperation': 'a large cooperation value',
    'check.tierReason.moderateCooperation': 'a stable, moderate cooperation',
    'check.tierReason.littleCooperation': 'little cooperation',
    'check.tierNotReviewed':
        "Customer '{customer}' has a tier but no review date: tiering is not a one-off. Review the tier and record the date with 'reviewed'.",
    'check.tierReviewStale':
        "The tier of '{customer}' was last reviewed {reviewed}, {age} days ago (policy: every {limit} days): an old tier table is worthless. Review it.",
    'check.tierReviewStale.fix': 'Mark the tier as reviewed today ({today})',
    'check.missingLayer': "{tier} customer '{customer}' needs all three relationship layers but has {missing}.",
    'check.missingLayer.roof': 'no organizational relationship (the roof: summits, executive dialogue)',
    'check.missingLayer.foundation':
        'only {general} general-layer {general:contact|contacts} where {coverage} are expected (the foundation: broad coverage of engineers, buyers, operations)',
    'check.missingLayer.both': '{roof}, and {foundation}',
    'check.singleThreaded':
        "Customer '{customer}' has active opportunities but {who}: a relationship that rests on one person is a risk. Win support from more people.",
    'check.singleThreaded.one': 'only {who} supports us',
    'check.singleThreaded.none': 'nobody supports us yet',
    // contact-checks.ts
    'check.who.id': "'{id}'",
    'check.who.named': '{name} ({id})',
    'check.reportsToCycle': "Reporting line loops back to '{contact}' ({loop}): an org chart needs a head. Fix one reports-to.",
    'check.reportsToCycle.long': '{names} → … ({count} contacts) → {contact}',
    'check.rationalTurnRisk':
        '{who} supports us ({support}) but intimacy is {intimacy}: they like the product, not us, and may turn rationally to a competitor at the first good offer. Build the personal relationship.',
    'check.friendlyButUnsupportive.neutral':
        '{who} is close to us (intimacy {intimacy}) but neutral (support {support}): do not misread the friendship. Re-examine what they really need (career, company policy).',
    'check.friendlyButUnsupportive.opposed':
        '{who} is close to us (intimacy {intimacy}) but opposed (support {support}): do not misread the friendship. Re-examine what they really need (career, company policy).',
    'check.staleContact':
        '{who} is in the power map of {deals} but was last contacted {date}{evidence}, {age} days ago (policy: {limit}): relationships decay when neglected. Plan a contact.',
    'check.staleContact.evidence': " (activity '{activity}')",
    // activity-checks.ts
    'check.overdueActivity':
        "Activity '{activity}' was planned for {date}, {late} {late:day|days} ago, and is still planned: record it as done with its outcome, cancel it, or move the date.",
    'check.overdueActivity.fix': 'Mark the activity as done',
    // opportunity-checks.ts
    'check.unqualified':
        "Opportunity '{opportunity}' has {missing}: it is still a lead. Confirm the customer's budget and start date, or set its stage to lead.",
    'check.unqualified.budget': 'no confirmed budget',
    'check.unqualified.start': 'no start date',
    'check.unqualified.fix': 'Set the stage to lead',
    'check.noPowerMap': "Opportunity '{opportunity}' has no power map: add a decision-chain with who approves, decides, evaluates and influences this deal.",
    'check.noDecisionMaker':
        "The power map of '{opportunity}' has no decision-maker and no approver: find out who holds the final decision and who signs, and add them to the decision-chain.",
    'check.ironTriangle': "Opportunity '{opportunity}' has no {roles} in its iron triangle: the deal is understaffed. Name {names} in its team.",
    'check.ironTriangle.ar': 'an account responsible (ar)',
    'check.ironTriangle.sr': 'a solution responsible (sr)',
    'check.ironTriangle.fr': 'a fulfilment responsible (fr)',
    'check.unknownSupport':
        "{who}, the {role} of '{opportunity}', has unknown support (?): an unknown {role} is a priority to reach. Plan a meeting and record their support.",
    'check.opposedKeyPerson': "{who}, the {role} of '{opportunity}', opposes us (support -1). {advice}",
    'check.opposedKeyPerson.axes': 'Use the three axes: {moves}.',
    'check.opposedKeyPerson.underWay': 'The three axes are under way: {started}. {next}',
    'check.opposedKeyPerson.stillToDo': 'Still to do: {moves}.',
    'check.opposedKeyPerson.followUp': 'Follow them up until their support changes.',
    'check.axis.executiveVisit': 'an executive visit from our side',
    'check.axis.exhibition': 'an invitation to an exhibition or event',
    'check.axis.hqVisit': 'a visit to our headquarters and reference sites',
    'check.move': "{kind} '{activity}' ({when})",
    'check.move.done': 'done',
    'check.move.planned': 'planned',
    'check.move.plannedFor': 'planned for {date}',
    // relationship-checks.ts
    'check.competitorAhead':
        "{who} supports {competitor} ({theirs}) more than us ({ours}) in '{opportunity}': the relationship is relative; find out what {competitor} offers them and answer it.",
    'check.opposedInfluence':
        "{who} opposes us and influences {influenced}, {where}: an opponent with the ear of the decision can sink the deal. Win {name} over, or strengthen {influencedName}'s support through the people they trust.",
    'check.opposedInfluence.roleOf': 'the {role} of {deals}',
    'check.unfoundedSupport':
        "{who} is counted as support {support} in the power map of '{opportunity}', but no contact is recorded: no last-contact and no done activity with them. You say the relationship is good: what is the basis? Record the last contact, or mark the support ? until you know.",
    'check.uncoveredKeyPerson':
        "{who}, the {role} of '{opportunity}', has no owner on our side: a key person nobody owns is nobody's job. Name the member who owns the relationship (owner).",
    // workspace-checks.ts
    'check.duplicateGlobal':
        "Id '{id}' is declared more than once in the workspace (also {others}): member, competitor and customer ids must be unique. Rename one.",
    'check.duplicate.at': '{kind} at {place}',
    'check.duplicate.more': '{count} more',
    'check.secondPolicy': 'A workspace has at most one policy block; the one at {place} is in force. Merge the thresholds into it.',
    // code-checks.ts
    'check.code.notWaivableWaiver': "'{code}' cannot be waived: remove or renew the waiver instead.",
    'check.code.notWaivableFixed': "'{code}' cannot be waived: it says the plan is wrong, not a judgement call. Fix the plan.",
    'check.code.notAdjustable': "The severity of '{code}' cannot be changed: it says the plan is wrong, not a judgement call.",
    'check.code.oneWord': 'Write the code as one word, without spaces: {code}.',
    'check.code.unknownNear': "'{code}' is not a check code: did you mean {near}?",
    'check.code.unknown': "'{code}' is not a check code. Use a code as the diagnostics show it, such as stale-contact.",
    // ids-and-ranges.ts
    'check.duplicateProperty': "'{keyword}' is written more than once here; only the last one ({last}) counts. Remove the others.",
    'check.duplicateCompetitorSupport': "'competitor-support {competitor}' is written more than once here; only the last one counts. Remove the others.",
    'check.duplicateLocal':
        "Id '{id}' is already used by {kind} at {place} in customer '{customer}': contact, opportunity and activity ids must be unique within their customer. Rename one.",
    'check.range.threshold': '{value} is out of range: the threshold must be {minimum} or more.',
    'check.range.score': '{property} {value} is out of range: it is a score from 1 to 5.',
    'check.range.intimacy': 'intimacy {value} is out of range: it goes from -3 (hostile) to 3 (family-level closeness).',
    'check.range.sandbox': '{property} {value} is out of range: the strategic sandbox scores from 1 to 5.',
    'check.range.competition': '{property} {value} is out of range: the strategic sandbox scores from 1 to 5 (5 = fiercest).',
    'check.range.support':
        'support {value} is out of range: use -1 (opposes), 0 (neutral), 1 (supports), 2 (supports exclusively), 3 (coach-level) or ? (unknown).',
    'check.range.date': '{value} is not a calendar date: write a real date as YYYY-MM-DD.',
    'check.currency': "'{currency}' is not a currency code: write a three-letter code such as CNY, EUR or USD.",
    'check.currency.meant': "'{currency}' is not a currency code: write {meant} (currency codes are three upper-case letters).",
    'check.currency.fix': 'Write {meant}',
    'check.amountSuffix': "'{written}' is not an amount: did you mean {meant}? The suffixes are k (thousand), M (million), B (billion), 万 and 亿.",
    'check.amountSuffix.fix': 'Write {meant}',
    'check.missingCurrency': "'{amount}' has no currency: 万 and 亿 are units, not a currency. Write the currency after it, e.g. {amount} CNY.",
    'check.missingCurrency.fix': 'Add the currency CNY',
    // 1.2: the lead's maturity, the value proposition, needs, visit objectives, S/A/B/C
    'check.ripeLead':
        "Lead '{opportunity}' has a confirmed budget and a start date: it meets the opportunity criteria. Move it to stage opportunity, and give it a power map and an iron triangle.",
    'check.ripeLead.fix': 'Move to stage opportunity',
    'check.noValueProposition':
        "Bid '{opportunity}' has no value proposition: 80 % of the result is decided before the tender. Write our unique strengths, the unique value of the solution, how fully it meets the need and the difference from competitors.",
    'check.noValueProposition.empty':
        "The value-proposition of bid '{opportunity}' is empty: 80 % of the result is decided before the tender. Write our unique strengths, the unique value of the solution, how fully it meets the need and the difference from competitors.",
    'check.classWithoutPartnership':
        "Customer '{customer}' is class {class} but {organization}: S and A customers are where the company builds a strategic partnership. Build the organizational layer (summits, executive dialogue, aligned processes), or review the class.",
    'check.classWithoutPartnership.absent': 'has no organizational relationship recorded',
    'check.classWithoutPartnership.level': 'its organizational relationship is only {organization}',
    'check.unverifiedOpportunity':
        "Opportunity '{opportunity}' has {missing}: a lead that skipped the lead criteria. Write the customer's intent to buy (and what shows it) and our matching solution.",
    'check.unverifiedOpportunity.intent': 'no intent',
    'check.unverifiedOpportunity.solution': 'no solution',
    'check.unknownNeeds':
        "{who}, the {role} of '{opportunity}', has no KPI and no pain on record: find out what they are measured on and what hurts them, and record it with kpi and pain.",
    'check.aimlessActivity': "Activity '{activity}' is planned without an objective: write what this meeting must achieve.",
} as const;

/** What the finding policy and the document validator say (language/validation/finding-policy.ts, acct-document-validator.ts). */
export const findings = {
    'finding.expiredWaiver':
        'The waiver of {code} expired on {until}: it waives nothing any more. Deal with the findings it covered, or renew it with a new date and reason.',
    'finding.unusedWaiver': 'The waiver of {code} waives nothing here: no {code} finding is left to acknowledge. Remove it.',
    'finding.unusedWaiver.elsewhere':
        'The waiver of {code} waives nothing here: its {code} findings about this contact stand in the decision chain of {deals}. Move the waiver into that opportunity.',
    'finding.unresolved.contact': "Unknown contact '{name}': no contact has this id among the contacts of this customer. {remedy}",
    'finding.unresolved.global': "Unknown {kind} '{name}': no {kind} has this id in the workspace. {remedy}",
    'finding.unresolved.declareOrCorrect': 'Declare it, or correct the id.',
    'finding.unresolved.didYouMean': 'Did you mean `{id}`?',
    'finding.unresolved.propertyWithoutValue':
        '`{word}` is read as a contact here because no value follows it: give the value on the same entry (`{example}`), or correct the id.',
    'finding.unresolved.didYouMeanRole': "Did you mean the role `{role}`? A role follows the contact's id on the same entry.",
    'finding.internalError': 'acct could not finish a check here ({detail}): a fault of acct, not of the plan. Please report it with this plan.',
    // syntax-messages.ts, acct-lexer.ts
    'syntax.expectedIn': '{where}, expected {expected}, but found {found}.{meant}{hint}',
    'syntax.didYouMean': ' Did you mean `{word}`?',
    'syntax.missingClose': ' Is a `}}` missing before it?',
    'syntax.chainNotClosed': 'The decision chain opened on line {line} is not closed: it reads `{word}` as a contact. Is its `}}` missing before `{word}`?',
    'syntax.after': 'After {previous}',
    'syntax.startOfFile': 'At the start of the file',
    'syntax.endOfFile': 'the end of the file',
    'syntax.word': '`{image}`',
    'syntax.quotedName': 'the quoted name {image}',
    'syntax.valueOf': '{noun} ({words})',
    'syntax.unterminatedString': 'Unterminated string: close it with " on the same line.',
    'syntax.unclosedComment': "Unclosed comment: '/*' has no '*/' after it. Close it with */, or write // for a comment to the end of the line.",
    'syntax.unexpectedCharacters': "Unexpected characters '{shown}': no word of a plan starts with them. Remove them, or put them in a quoted name.",
    'syntax.unexpectedCharacter': "Unexpected character '{shown}': no word of a plan starts with it. Remove it, or put it in a quoted name.",
    'syntax.place.workspace': 'At the top level of the file',
    'syntax.place.customer': 'In a customer',
    'syntax.place.contact': 'In a contact',
    'syntax.place.opportunity': 'In an opportunity',
    'syntax.place.activity': 'In an activity',
    'syntax.place.policy': 'In the policy',
    'syntax.place.team': 'In a team',
    'syntax.place.decisionChain': 'In a decision chain',
    'syntax.place.valueProposition': 'In a value proposition',
    'syntax.place.other': 'In {rule}',
    'syntax.noun.id': 'an id',
    'syntax.noun.code': "a check's code",
    'syntax.noun.amount': 'an amount',
    'syntax.noun.moneyValue': 'an amount (such as 12.5M)',
    'syntax.noun.support': 'a support value (-1, 0, 1, 2, 3 or ?)',
    'syntax.noun.wholeNumber': 'a whole number',
    'syntax.noun.role': 'a role',
    'syntax.noun.tier': 'a tier',
    'syntax.noun.organization': 'an organization level',
    'syntax.noun.stage': 'a stage',
    'syntax.noun.activityKind': 'a kind of activity',
    'syntax.noun.status': 'a status',
    'syntax.noun.horizon': 'a horizon',
    'syntax.noun.group': 'a group',
    'syntax.noun.class': 'a class (S, A, B or C)',
    'syntax.noun.severity': 'a severity',
    'syntax.token.id': 'an id',
    'syntax.token.string': 'a quoted name',
    'syntax.token.date': 'a date (YYYY-MM-DD)',
    'syntax.token.number': 'a number',
    'syntax.token.amount': 'an amount',
} as const;
