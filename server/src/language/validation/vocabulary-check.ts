/**
 * The grammar's value lists must be the method's vocabulary: these types fail to compile when a
 * role, tier, stage, organization, activity, horizon, group or severity value is added to one and not to the other.
 */
import type * as Ast from '../generated/ast.js';
import type * as Method from '../../method/index.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type GrammarMatchesVocabulary = [
    Assert<Same<Ast.Role, Method.Role>>,
    Assert<Same<Ast.Tier, Method.Tier>>,
    Assert<Same<Ast.Organization, Method.Organization>>,
    Assert<Same<Ast.Stage, Method.Stage>>,
    Assert<Same<Ast.ActivityKind, Method.ActivityKind>>,
    Assert<Same<Ast.ActivityStatus, Method.ActivityStatus>>,
    Assert<Same<Ast.Horizon, Method.Horizon>>,
    Assert<Same<Ast.Group, Method.Group>>,
    Assert<Same<Ast.SeverityLevel, Method.SeverityLevel>>,
    Assert<Same<Ast.CustomerClass, Method.CustomerClass>>,
];
