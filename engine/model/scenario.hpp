// The scenario model: one case vignette as loaded from its YAML file,
// immutable once loaded and shared by every playthrough, the assessor and the UI.
// Only the standard library is used here (engine/ARCHITECTURE.md, "Layers").
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sofs {

// Where something came from in its file, 1-based; line 0 means "unknown".
struct SourcePos {
    int line = 0;
    int column = 0;
};

// ---------------------------------------------------------------- metadata

enum class Audience { TwoDay, FiveDay, ELearning, PracticeLead };
enum class Stage { Referral, Visit, ChildVoice, NetworkMeeting, Review };

// ---------------------------------------------------------------- people

enum class PersonRole { Child, Caregiver, Family, Professional, Other };

struct Person {
    std::string id;            // stable id: "kai"
    std::string name;          // "Kai"
    std::optional<int> age;    // years; babies under one use age_months
    std::optional<int> age_months;
    PersonRole role = PersonRole::Other;
    std::string relationship;  // "Jade's son from an earlier relationship"
    std::string household;     // household id; people sharing it live together
    std::vector<std::string> parents;   // person ids, for the genogram
    std::vector<std::string> partners;  // person ids
    std::vector<std::string> siblings;  // person ids: brothers and sisters whose parents the case does not list
    std::vector<std::string> aliases;   // other names the family uses: "Mummy", "Daddy Ryan"
    std::string gender;        // "female" | "male" | "" (for pronouns in feedback)
    std::string voice;         // espeak-ng voice for their lines ("en-gb+f3", "cy+m2"); "" = chosen for them
    SourcePos pos;
};

// ---------------------------------------------------------------- facts

// What a fact is in the mapping. Distractor: true but not relevant to safety,
// or a hypothesis rather than a fact, for the sorting task to test judgement.
enum class FactKind { PastHarm, ComplicatingFactor, Strength, ExistingSafety, Distractor };

// The Three Houses a child's words go into ("worries", "good-things", "dreams").
enum class House { Worries, GoodThings, Dreams };

struct Fact {
    std::string id;
    std::string text;          // plain words, as it would go on the mapping
    FactKind kind = FactKind::Distractor;
    std::string source;        // who said or saw it: person id or agency name
    std::string why;           // the expert's reason for its place in the mapping
    SourcePos pos;
};

// ---------------------------------------------------------------- conditions

// A parsed condition such as `trust >= 6 and not blamed and revealed(push)`.
struct Condition {
    enum class Op { True, Flag, Compare, Revealed, Visited, Not, And, Or };
    enum class Cmp { Lt, Le, Eq, Ne, Ge, Gt };
    Op op = Op::True;
    std::string name;          // flag, number variable, fact id or scene id
    Cmp cmp = Cmp::Eq;
    int value = 0;
    std::vector<Condition> args;  // Not: one; And/Or: two or more
    std::string source;        // the text as written, for messages
};

// ---------------------------------------------------------------- lines and moves

struct Line {
    std::string speaker;       // person id, or "narrator"
    std::string text;
    std::string audio;         // path relative to the scenario file, optional
    std::optional<Condition> when;
    SourcePos pos;
};

// The conversation move a choice makes. The first eight fit the practice;
// the rest do not.
enum class MoveType {
    Exception, Scaling, Coping, PreferredFuture, ChildsVoice, Network, HonestWorry, BottomLine,
    Blaming, Jargon, LeadingClosed, FalseReassurance, Threat, TakingOver,
};
bool move_fits_practice(MoveType m);

struct Effects {
    std::vector<std::string> reveal;        // fact ids
    std::map<std::string, int> change;      // number variable -> delta (trust, openness, ...)
    std::vector<std::string> set;           // flags set true
    std::vector<std::string> clear;         // flags set false
};

struct Choice {
    std::string id;            // unique within the scenario
    std::string text;          // what the trainee says
    MoveType move = MoveType::HonestWorry;
    std::optional<Condition> when;
    Effects effects;
    std::vector<Line> reply;   // the family's reaction
    std::string feedback;      // why this move helps or hinders
    std::vector<int> serves;   // aims 1..12
    std::vector<int> undermines;
    std::string next;          // scene id; empty = stay in this scene
    SourcePos pos;
};

// ---------------------------------------------------------------- tasks

enum class TaskKind {
    DangerStatement, SafetyGoal, PastHarm,  // free text
    SortFacts,       // place revealed facts into the mapping
    Scaling,         // a number 0..10 with a reason
    ThreeHouses,     // the child's worries, good things and dreams
    SafetyNetwork,   // choose people for the safety network
    NextSteps,       // free text, one step a line
    WordsAndPictures,  // free text: an explanation written to the child (expert key `words_and_pictures`)
};

struct ScalingKey {
    int expert = 5;            // the experts' number
    int low = 0, high = 10;    // the range of reasonable judgements, inclusive
    std::string over_optimistic;   // why a higher number misses the dangers
    std::string over_pessimistic;  // why a lower number misses the strengths
};

struct Task {
    std::string id;
    TaskKind kind = TaskKind::DangerStatement;
    std::string prompt;
    std::string hint;
    std::vector<std::string> facts;  // SortFacts: fact ids offered (empty = all revealed)
    std::vector<std::string> people; // SafetyNetwork: person ids offered (empty = all non-professional)
    std::string next;                // scene id after the task
    std::optional<ScalingKey> scaling;  // Scaling: this review's own expert number (a case scaled more than once)
    SourcePos pos;
};

// ---------------------------------------------------------------- scenes and endings

struct Ending {
    std::string id;
    std::string title;
    std::string debrief;       // shown before the assessor's feedback
    SourcePos pos;
};

struct Scene {
    std::string id;
    Stage stage = Stage::Visit;
    std::string title;
    std::string place;                      // "The family's kitchen, Tuesday morning"
    std::vector<std::string> reveals;       // facts learnt on entering the scene
    std::vector<Line> lines;
    std::vector<Choice> choices;
    bool shuffle = false;                   // show choices in a seeded random order
    std::optional<Task> task;
    std::string next;                       // when no choices and no task
    std::string ending;                     // ending id: the scene closes the vignette
    // A pause point: in a live session everyone's play holds on entering this
    // scene until the trainer releases it, and every screen shows this
    // question for the room. "" when the scene is no pause point.
    std::string pause;
    SourcePos pause_pos;
    SourcePos pos;
};

// ---------------------------------------------------------------- expert key


struct ThreeHousesKey {
    std::vector<std::string> worries, good_things, dreams;  // what the child says
};

// Words and Pictures: the experts' own explanation for one child of what
// happened and what the grown-ups are doing, and the age its words must fit.
struct WordsAndPicturesKey {
    std::string child;      // person id of the child it is written for
    int age = -1;           // the child's age in years the words must fit (-1: not given, the child's own age)
    std::string example;    // the experts' explanation, which meets every WP criterion
    SourcePos pos;
};

// What the worry is in this case, as the experts would tell the family
// (expert key `dangers`; scenarios/FORMAT.md). The assessor reads a case's
// own danger from here: whose behaviour, towards which children, and what
// safety would look like, in the words the family uses.
struct CaseDanger {
    std::vector<std::string> adults;    // person ids whose behaviour is the worry (family or not)
    std::vector<std::string> children;  // person ids of the children it could harm
    std::vector<std::string> does;      // what the adults do or fail to do: "push", "not feed", "leave ... alone"
    std::vector<std::string> harm;      // what could happen to the children: "dropped", "cold", "frightened"
    std::vector<std::string> safe;      // what safety looks like: "a sober adult", "walk away", "text Irene"
    SourcePos pos;
};

struct ExpertKey {
    std::string past_harm;                         // the experts' paragraph
    std::vector<std::string> danger_statements;    // good examples
    std::vector<std::string> safety_goals;
    std::vector<std::string> next_steps;
    std::vector<std::string> family_goals;
    // criterion id -> fact ids a verdict on that criterion may rest on
    std::map<std::string, std::vector<std::string>> evidence;
    ScalingKey scaling;
    std::vector<std::string> network;              // person ids a good safety network includes
    ThreeHousesKey three_houses;
    std::vector<CaseDanger> dangers;               // the case's own danger, one entry per worry
    std::optional<WordsAndPicturesKey> words_and_pictures;
    SourcePos pos;
};

struct Variable {
    std::string name;
    int initial = 0, min = 0, max = 10;
};

// ---------------------------------------------------------------- the scenario

struct Scenario {
    std::string id;
    std::string title;
    std::string summary;
    std::vector<Audience> audiences;
    std::vector<std::string> topics;
    int minutes = 0;
    int version = 1;
    std::vector<int> aims;                  // the twelve aims, by number
    std::string referral;                   // the referral as the briefing shows it

    std::vector<Person> people;
    std::vector<Fact> facts;
    std::vector<Variable> numbers;          // trust, openness, ...
    std::vector<std::string> flags;         // declared flags, all false at start
    std::string start;                      // first scene id
    std::vector<Scene> scenes;
    std::vector<Ending> endings;
    ExpertKey expert;

    std::string file;                       // path it was loaded from
    std::string content_hash;               // hex of the file's bytes, see runtime/hash
    SourcePos pos;

    // Lookups by id (linear scan over small vectors is fine; indexes are
    // built by the loader for large scenarios).
    const Person* person(const std::string& id) const;
    const Fact* fact(const std::string& id) const;
    const Scene* scene(const std::string& id) const;
    // The experts' scaling for one scaling task: the task's own key when it
    // has one (a case scaled at several reviews), else the case's.
    const ScalingKey& scaling_key(const std::string& task_id) const;
    const Ending* ending(const std::string& id) const;
    const Task* task(const std::string& id) const;
    const Choice* choice(const std::string& id) const;

    // Built by build_index(); the loader calls it.
    std::map<std::string, std::size_t> scene_index, fact_index, person_index;
    void build_index();
};

// Words and Pictures: the child the expert key names and the age in years its
// words must fit (the key's `age`, else the child's own); null and -1 when not known.
const Person* words_and_pictures_child(const Scenario& s);
int words_and_pictures_age(const Scenario& s);

// Names as written in the YAML files, both ways.
const char* to_string(Audience a);
const char* to_string(Stage s);
const char* to_string(PersonRole r);
const char* to_string(FactKind k);
const char* to_string(House h);
const char* to_string(MoveType m);
const char* to_string(TaskKind k);
std::optional<Audience> audience_from(const std::string& s);
std::optional<Stage> stage_from(const std::string& s);
std::optional<PersonRole> role_from(const std::string& s);
std::optional<FactKind> fact_kind_from(const std::string& s);
std::optional<House> house_from(const std::string& s);
std::optional<MoveType> move_from(const std::string& s);
std::optional<TaskKind> task_kind_from(const std::string& s);

// The twelve aims of the programme theory, short titles (1-based; aim_title(0) is "").
const char* aim_title(int aim);

}  // namespace sofs
